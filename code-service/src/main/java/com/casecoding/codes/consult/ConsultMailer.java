package com.casecoding.codes.consult;

import io.quarkus.mailer.MailTemplate;
import io.quarkus.qute.Location;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Sends consult notifications with the Qute templates in {@code templates/consult/} (text and HTML variants), after
 * the transaction commits, so a rolled-back change never mails anyone. Sending is asynchronous and tried up to three times: a failing SMTP
 * server is logged and never fails the request. The mail subject carries the consult id so a reply by mail finds its thread.
 */
@ApplicationScoped
public class ConsultMailer {

    private static final Logger LOG = Logger.getLogger(ConsultMailer.class);
    static final String TAG = "CaseConsultant";

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
        // a pooled SMTP connection the server has meanwhile closed fails once: a fresh connection is tried again
        instance.send().onFailure().retry().withBackOff(Duration.ofSeconds(1)).atMost(2).subscribe().with(
                ok -> LOG.debugf("Consult mail %s sent for %s", mail.kind(), mail.consultId()),
                failure -> LOG.warnf("Consult mail %s for %s could not be sent: %s", mail.kind(), mail.consultId(),
                        failure.getMessage()));
    }

    /** "[CaseConsultant 3f0c...] Answered: the user's subject": inbound mail looks for the id in this form. */
    static String threadSubject(ConsultMail mail, String what) {
        return "[" + TAG + " " + mail.consultId() + "] " + what + ": " + mail.subject();
    }
}
