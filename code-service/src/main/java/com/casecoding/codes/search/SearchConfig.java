package com.casecoding.codes.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;


/** Settings of the Case2Code search ({@code casecoding.search.*}). */
@ConfigMapping(prefix = "casecoding.search")
public interface SearchConfig {

    /** Build the index when the service starts (in the background; searches answer 503 until it is ready). */
    @WithDefault("true")
    boolean buildAtStart();

    /** Searches remembered per registered user (older ones are dropped). */
    @WithDefault("50")
    int historySize();

    /** Searches waiting to be written to the histories; beyond it new ones are dropped (and counted), never waited on. */
    @WithDefault("10000")
    int historyQueue();
}
