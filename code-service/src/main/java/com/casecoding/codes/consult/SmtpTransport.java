package com.casecoding.codes.consult;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.mail.MailClient;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The SMTP client consult mails go out through when mails are really sent ({@code quarkus.mailer.mock=false}): the
 * Vert.x mail client on the same {@code quarkus.mailer.*} settings the Quarkus mailer reads (host, port, tls,
 * start-tls, username, password, from), plus what that mailer cannot be told: an idle timeout of
 * {@code consults.mail-attempt-timeout}. A connection on which the server stays silent that long is closed, so the
 * attempt fails there and then and is made again on a new connection; the server can no longer wake up later and
 * deliver the abandoned attempt a second time (with the Quarkus mailer it did: {@code StalledMailTest}).
 */
@ApplicationScoped
class SmtpTransport {

    @Inject
    Vertx vertx;

    @Inject
    ConsultConfig config;

    private MailClient client;
    private String from;

    /** Whether mails are really sent (else the Quarkus mailer's mock logs them). */
    static boolean sending() {
        return !ConfigProvider.getConfig().getOptionalValue("quarkus.mailer.mock", Boolean.class).orElse(false);
    }

    @PostConstruct
    void create() {
        Config c = ConfigProvider.getConfig();
        boolean tls = c.getOptionalValue("quarkus.mailer.tls", Boolean.class)
                .or(() -> c.getOptionalValue("quarkus.mailer.ssl", Boolean.class)).orElse(false);
        MailConfig mail = new MailConfig()
                .setHostname(c.getOptionalValue("quarkus.mailer.host", String.class).orElse("localhost"))
                .setPort(c.getOptionalValue("quarkus.mailer.port", Integer.class).orElse(tls ? 465 : 25))
                .setSsl(tls)
                .setStarttls(StartTLSOptions.valueOf(c.getOptionalValue("quarkus.mailer.start-tls", String.class)
                        .orElse("OPTIONAL").toUpperCase(Locale.ROOT)))
                .setKeepAlive(false);
        c.getOptionalValue("quarkus.mailer.username", String.class).ifPresent(user -> mail.setUsername(user)
                .setPassword(c.getOptionalValue("quarkus.mailer.password", String.class).orElse(""))
                .setLogin(LoginOption.REQUIRED));
        long idle = Math.max(1, config.mailAttemptTimeout().toMillis());
        mail.setIdleTimeout((int) Math.min(Integer.MAX_VALUE, idle));
        mail.setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        mail.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, idle));
        from = c.getOptionalValue("quarkus.mailer.from", String.class).orElse("consults@casecoding.local");
        client = MailClient.create(vertx, mail);
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.closeAndAwait();
        }
    }

    /** One attempt: a new connection each time it is subscribed to. */
    Uni<Void> send(String to, String subject, String text, String html) {
        MailMessage message = new MailMessage().setFrom(from).setTo(List.of(to)).setSubject(subject)
                .setText(text).setHtml(html);
        return client.sendMail(message).replaceWithVoid();
    }
}
