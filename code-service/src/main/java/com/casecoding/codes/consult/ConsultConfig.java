package com.casecoding.codes.consult;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** CaseConsultant settings ({@code consults.*}). */
@ConfigMapping(prefix = "consults")
public interface ConsultConfig {

    /** Shared secret of the inbound-mail service (env CONSULTS_INBOUND_SECRET); unset = inbound mail is off (503). */
    Optional<String> inboundSecret();

    /** Where a consult is read on the website; the consult id is appended. */
    @WithDefault("https://casecoding.com/consults/")
    String linkBase();

    /** Where an unknown sender registers. */
    @WithDefault("https://casecoding.com/register")
    String registerUrl();

    /** How long a submission waits for the instant draft; past it the consult is stored with an empty draft. */
    @WithDefault("PT5S")
    Duration draftTimeout();

    /**
     * How long one attempt to hand a mail to the SMTP server may take; past it the attempt counts as failed and the
     * mail is tried again on a new connection (three attempts in all).
     */
    @WithDefault("PT10S")
    Duration mailAttemptTimeout();

    /** At most one "please register" reply per unknown address within this time (no mail loops, no backscatter). */
    @WithDefault("PT24H")
    Duration registerReplyInterval();
}
