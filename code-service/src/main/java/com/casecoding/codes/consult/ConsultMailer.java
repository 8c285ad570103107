package com.casecoding.codes.consult;

import io.quarkus.mailer.MailTemplate;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Location;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Sends consult notifications with the Qute templates in {@code templates/consult/} (text and HTML variants), after
 * the transaction commits, so a rolled-back change never mails anyone. Sending is asynchronous and tried up to three
 * times, each attempt bounded by {@code consults.mail-attempt-timeout}: a failing SMTP server is logged and never
 * fails the request. Real mail goes through {@link SmtpTransport}, whose connections close when the server stays
 * silent for that timeout, so a mail is delivered once even when a stalled server wakes up after the retry. The mail
 * subject carries the consult id so a reply by mail finds its thread.
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

    @Inject
    Engine engine;

    @Inject
    SmtpTransport smtp;

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConsultMail mail) {
        String template = switch (mail.kind()) {
            case RECEIVED -> "consult/received";
            case ANSWERED -> "consult/answered";
            case REGISTER -> "consult/register";
        };
        String subject = switch (mail.kind()) {
            case RECEIVED -> threadSubject(mail, "Received");
            case ANSWERED -> threadSubject(mail, mail.status() == ConsultStatus.WAITING
                    ? "More information needed" : "Answered");
            case REGISTER -> "[" + TAG + "] Please register to send consults";
        };
        Map<String, Object> data = new HashMap<>();
        if (mail.kind() == ConsultMail.Kind.REGISTER) {
            data.put("registerUrl", config.registerUrl());
        }
        if (mail.consultId() != null) {
            data.put("consultId", mail.consultId());
            data.put("consultSubject", mail.subject());
            data.put("status", mail.status() == null ? "" : mail.status().id());
            data.put("link", config.linkBase() + mail.consultId());
        }
        // Each attempt is bounded: a failing one, or one the SMTP server leaves without an answer for the attempt
        // timeout, is made again on a new connection. Real mail goes through SmtpTransport, which closes a silent
        // connection, so an attempt given up can never deliver later; the mock (dev, tests) logs through the mailer.
        Uni<Void> attempt;
        if (SmtpTransport.sending()) {
            String text = engine.getTemplate(template + ".txt").data(data).render();
            String html = engine.getTemplate(template + ".html").data(data).render();
            attempt = Uni.createFrom().deferred(() -> smtp.send(mail.to(), subject, text, html));
        } else {
            MailTemplate.MailTemplateInstance instance = templates(mail.kind()).to(mail.to()).subject(subject);
            data.forEach(instance::data);
            attempt = instance.send();
        }
        Duration timeout = config.mailAttemptTimeout();
        attempt.ifNoItem().after(timeout).failWith(() -> new TimeoutException(
                        "no answer from the SMTP server within " + timeout.toMillis() + " ms"))
                .onFailure().invoke(failure -> LOG.infof("Consult mail %s for %s: an attempt failed (%s)", mail.kind(),
                        mail.consultId(), failure.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1)).atMost(ATTEMPTS - 1)
                .subscribe().with(
                        ok -> LOG.infof("Consult mail %s sent for %s", mail.kind(), mail.consultId()),
                        failure -> LOG.warnf("Consult mail %s for %s could not be sent after %d attempts: %s",
                                mail.kind(), mail.consultId(), ATTEMPTS, failure.getMessage()));
    }

    private MailTemplate templates(ConsultMail.Kind kind) {
        return switch (kind) {
            case RECEIVED -> received;
            case ANSWERED -> answered;
            case REGISTER -> register;
        };
    }

    /** "[CaseConsultant 3f0c...] Answered: the user's subject": inbound mail looks for the id in this form. */
    static String threadSubject(ConsultMail mail, String what) {
        return "[" + TAG + " " + mail.consultId() + "] " + what + ": " + mail.subject();
    }
}
