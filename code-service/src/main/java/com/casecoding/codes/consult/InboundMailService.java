package com.casecoding.codes.consult;

import com.casecoding.codes.consult.ConsultViews.InboundResult;
import com.casecoding.common.problem.ProblemException;
import com.casecoding.common.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Consults that arrive as e-mail, posted by an inbound-mail service. The sender is looked up in the
 * {@link ContactDirectory}; an unknown sender gets one "please register" reply (at most one per interval) and
 * nothing of the mail is kept. A known sender's mail whose subject carries a consult id of theirs is a reply to that
 * thread; any other mail from them opens a new consult.
 */
@ApplicationScoped
public class InboundMailService {

    private static final Pattern THREAD_ID = Pattern.compile(
            "\\[" + ConsultMailer.TAG + "\\s+([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\]");
    private static final Pattern REPLY_PREFIX = Pattern.compile("^((re|fw|fwd|aw|sv)\\s*:\\s*)+", Pattern.CASE_INSENSITIVE);

    @Inject
    ConsultConfig config;

    @Inject
    ContactDirectory contacts;

    @Inject
    ConsultService consults;

    @Inject
    Event<ConsultMail> mails;

    @Inject
    EntityManager em;

    /** 503 when no secret is configured, 401 unless the header matches it (compared in constant time). */
    public void authenticate(String presented) {
        Optional<String> secret = config.inboundSecret().filter(s -> !s.isBlank());
        if (secret.isEmpty()) {
            throw new ProblemException(ProblemType.UPSTREAM_UNAVAILABLE, 503,
                    "Inbound mail is not configured on this server (set CONSULTS_INBOUND_SECRET).");
        }
        byte[] expected = secret.get().getBytes(StandardCharsets.UTF_8);
        byte[] given = presented == null ? new byte[0] : presented.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            throw ProblemException.unauthorized("The X-Inbound-Secret header is missing or wrong.")
                    .header("WWW-Authenticate", "X-Inbound-Secret");
        }
    }

    @Transactional
    public InboundResult receive(ConsultRequests.InboundMail mail) {
        String sender = PlainText.address(mail.sender())
                .orElseThrow(() -> ProblemException.invalidField("sender", "must contain an e-mail address"));
        String subject = PlainText.line(mail.subject() == null ? "" : mail.subject());
        Optional<String> owner = contacts.subjectOf(sender);
        if (owner.isEmpty()) {
            if (!PlainText.isRobot(sender) && mayReplyToUnknown(sender)) {
                mails.fire(new ConsultMail(ConsultMail.Kind.REGISTER, sender, null, null, null));
            }
            return new InboundResult("unknown-sender", null);
        }
        Matcher thread = THREAD_ID.matcher(subject);
        if (thread.find()) {
            String body = PlainText.withoutQuote(mail.text());
            UUID id = UUID.fromString(thread.group(1));
            if (body != null && !body.isBlank()
                    && consults.replyByMail(owner.get(), id, limit(body, ConsultRequests.MAX_QUESTION))) {
                return new InboundResult("reply-added", id);
            }
        }
        String text = PlainText.text(mail.text());
        String cleanSubject = REPLY_PREFIX.matcher(THREAD_ID.matcher(subject).replaceAll("").strip()).replaceAll("");
        String question = text == null || text.isBlank() ? cleanSubject : text;
        if (question.isBlank()) {
            return new InboundResult("ignored", null);
        }
        Consult c = consults.submitByMail(owner.get(), sender, limit(cleanSubject, ConsultRequests.MAX_SUBJECT),
                limit(question, ConsultRequests.MAX_QUESTION));
        return new InboundResult("consult-created", c.id);
    }

    /** True (and remembered) when this address got no "please register" reply within the configured interval. */
    private boolean mayReplyToUnknown(String address) {
        Instant now = Instant.now();
        int changed = em.createNativeQuery("""
                        insert into consult_register_reply (email, last_sent) values (?1, ?2)
                        on conflict (email) do update set last_sent = excluded.last_sent
                        where consult_register_reply.last_sent < ?3
                        """)
                .setParameter(1, address).setParameter(2, now)
                .setParameter(3, now.minus(config.registerReplyInterval()))
                .executeUpdate();
        return changed > 0;
    }

    private static String limit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
