package com.casecoding.codes.consult;

import io.quarkus.mailer.MailTemplate;
import io.quarkus.qute.Location;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Sends consult notifications with the Qute templates in {@code templates/consult/} (text and HTML variants), after
 * the transaction commits, so a rolled-back change never mails anyone. Sending is asynchronous and tried up to three
 * times, each attempt bounded by {@code consults.mail-attempt-timeout}: a failing SMTP server is logged and never
 * fails the request. The mail subject carries the consult id so a reply by mail finds its thread.
 */
@ApplicationScoped
public class ConsultMailer {

    private static final Logger LOG = Logger.getLogger(ConsultMailer.class);
    static final String TAG = "CaseConsultant";
    static final int ATTEMPTS = 3;

    @Inject
    @Location("consult/received")
    MailTemplate received;

    @Inject
    @Location("consult/answered")
    MailTemplate answered;

    @Inject
    @Location("consult/register")
    MailTemplate register;

    @Inject
    ConsultConfig config;

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConsultMail mail) {
        MailTemplate.MailTemplateInstance instance = switch (mail.kind()) {
            case RECEIVED -> received.to(mail.to())
                    .subject(threadSubject(mail, "Received"));
            case ANSWERED -> answered.to(mail.to())
                    .subject(threadSubject(mail, mail.status() == ConsultStatus.WAITING
                            ? "More information needed" : "Answered"));
            case REGISTER -> register.to(mail.to())
                    .subject("[" + TAG + "] Please register to send consults")
                    .data("registerUrl", config.registerUrl());
        };
        if (mail.consultId() != null) {
            instance.data("consultId", mail.consultId())
                    .data("consultSubject", mail.subject())
                    .data("status", mail.status() == null ? "" : mail.status().id())
                    .data("link", config.linkBase() + mail.consultId());
        }
        // An attempt that fails, or that the SMTP server leaves without an answer for the attempt timeout (now and then a
        // send stalls until the server's socket timeout, 30 s with GreenMail), is made again on a new connection.
        Duration timeout = config.mailAttemptTimeout();
        instance.send()
                .ifNoItem().after(timeout).failWith(() -> new TimeoutException(
                        "no answer from the SMTP server within " + timeout.toMillis() + " ms"))
                .onFailure().invoke(failure -> LOG.infof("Consult mail %s for %s: an attempt failed (%s)", mail.kind(),
                        mail.consultId(), failure.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1)).atMost(ATTEMPTS - 1)
                .subscribe().with(
                        ok -> LOG.infof("Consult mail %s sent for %s", mail.kind(), mail.consultId()),
                        failure -> LOG.warnf("Consult mail %s for %s could not be sent after %d attempts: %s",
                                mail.kind(), mail.consultId(), ATTEMPTS, failure.getMessage()));
    }

    /** "[CaseConsultant 3f0c...] Answered: the user's subject": inbound mail looks for the id in this form. */
    static String threadSubject(ConsultMail mail, String what) {
        return "[" + TAG + " " + mail.consultId() + "] " + what + ": " + mail.subject();
    }
}
