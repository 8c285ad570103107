package com.casecoding.careers.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the job board ({@code careers.*} in application.properties). */
@ConfigMapping(prefix = "careers")
public interface CareersConfig {

    /** Load a handful of demo employers and postings at startup (dev / demo only). */
    @WithDefault("false")
    boolean demoData();

    /** Days a posting stays open when the employer gives no valid-through date. */
    @WithDefault("30")
    int defaultValidDays();

    /** Longest a posting may stay open, in days from now. */
    @WithDefault("180")
    int maxValidDays();

    /** Largest {@code limit} of any list (items on one page). */
    @WithDefault("50")
    int maxPageSize();

    /** Deepest result a search may reach: {@code offset + limit} at most this. */
    @WithDefault("1000")
    int maxResultWindow();

    /** How often postings past their valid-through date are marked expired. */
    @WithDefault("10m")
    String expiryInterval();

    Digest digest();

    Search search();

    interface Search {
        /** How long a search trusts the in-memory index before asking whether postings changed (0 = every search). */
        @WithDefault("0s")
        java.time.Duration generationCheckInterval();

        /** Keyword queries whose matches are kept per posting generation (0 = no cache). */
        @WithDefault("512")
        int keywordCacheSize();
    }

    interface Digest {
        /** When the saved-search digest runs (Quartz-style cron, UTC). */
        @WithDefault("0 0 13 * * ?")
        String cron();

        /** Sender address of digest e-mails. */
        @WithDefault("CareerCenter <jobs@casecoding.com>")
        String from();

        /** Most postings listed in one digest e-mail. */
        @WithDefault("20")
        int maxPostings();

        /** Public base URL that posting links in e-mails start with. */
        @WithDefault("https://casecoding.com/careers/jobs/")
        String jobLinkBase();
    }
}
