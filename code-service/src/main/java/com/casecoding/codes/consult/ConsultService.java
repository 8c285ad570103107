package com.casecoding.codes.consult;

import java.net.URI;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import com.casecoding.common.list.Paging;
import com.casecoding.common.list.ListPage;
import com.casecoding.codes.consult.ConsultViews.ConsultView;
import com.casecoding.codes.consult.ConsultViews.DraftView;
import com.casecoding.codes.consult.ConsultViews.MessageView;
import com.casecoding.codes.consult.ConsultViews.StatusChangeView;
import com.casecoding.codes.consult.ConsultViews.Summary;
import com.casecoding.common.problem.ProblemException;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The consult lifecycle: submit (with the instant draft), thread, replies, the consultants' queue, claim, answer,
 * close, and the status history behind response-time reporting.
 *
 * <pre>
 * new --claim--> claimed --answer--> answered --user reply--> claimed (or new when nobody claimed it)
 *  \---answer (claims it)--^    \--answer asking for information--> waiting --user reply--> claimed
 * any status except closed --close (owner or consultant)--> closed
 * </pre>
 */
@ApplicationScoped
public class ConsultService {

    private static final Logger LOG = Logger.getLogger(ConsultService.class);
    static final String USER = "user";
    static final String CONSULTANT = "consultant";
    static final String SYSTEM = "system";

    @Inject
    InstantDrafts drafts;

    @Inject
    ContactDirectory contacts;

    @Inject
    Event<ConsultMail> mails;

    @Inject
    EntityManager em;

    // ---- the coder's side ----

    @Transactional
    public ConsultView submit(Caller caller, ConsultRequests.Submit request) {
        requireRegistered(caller);
        List<String> codes = request.codes() == null ? List.of()
                : request.codes().stream().map(c -> c.trim().toUpperCase(Locale.ROOT)).distinct().toList();
        Consult c = create(caller.sub(), PlainText.line(request.subject()), PlainText.text(request.question()),
                blankToNull(PlainText.text(request.caseText())), codes, "api");
        mails.fire(new ConsultMail(ConsultMail.Kind.RECEIVED, caller.email(), c.id, c.subject, c.status));
        return view(c, caller);
    }

    /** A consult that arrived by mail from a known account. */
    @Transactional
    public Consult submitByMail(String ownerSub, String email, String subject, String text) {
        Consult c = create(ownerSub, subject, text, null, List.of(), "email");
        mails.fire(new ConsultMail(ConsultMail.Kind.RECEIVED, email, c.id, c.subject, c.status));
        return c;
    }

    private Consult create(String ownerSub, String subject, String question, String caseText, List<String> codes,
                           String source) {
        Draft draft = drafts.write(new DraftWriter.DraftRequest(question, caseText, codes, ownerSub));
        Instant now = Instant.now();
        Consult c = new Consult();
        c.id = UUID.randomUUID();
        c.ownerSub = ownerSub;
        c.subject = subject.isEmpty() ? "(no subject)" : truncate(subject, ConsultRequests.MAX_SUBJECT);
        c.question = question;
        c.caseText = caseText;
        c.consideredCodes = new ArrayList<>(codes);
        c.source = source;
        c.draft = draft;
        c.createdAt = now;
        c.updatedAt = now;
        c.status = ConsultStatus.NEW;
        c.statusSince = now;
        c.persist();
        record(c, null, ConsultStatus.NEW, USER, ownerSub, now);
        return c;
    }

    @Transactional
    public ConsultView get(Caller caller, UUID id) {
        return view(readable(caller, id), caller);
    }

    @Transactional
    public ListPage<Summary> listOwn(Caller caller, Set<ConsultStatus> statuses, Paging paging, URI request) {
        return page(Consult.find("ownerSub = :owner and status in :statuses order by createdAt desc, id desc",
                Parameters.with("owner", caller.sub()).and("statuses", orAll(statuses))), caller, paging, request);
    }

    /** One page of the consults a query finds, as the caller may see them, and how many it finds in all. */
    private ListPage<Summary> page(PanacheQuery<Consult> query, Caller caller, Paging paging, URI request) {
        List<Consult> page = query.range(paging.offset(), paging.offset() + paging.limit() - 1).list();
        return ListPage.of(summaries(page, caller), query.count(), paging, request);
    }

    @Transactional
    public ConsultView reply(Caller caller, UUID id, String body, String via) {
        Consult c = lockedOwnedBy(caller.sub(), id);
        if (c.status == ConsultStatus.CLOSED) {
            throw ProblemException.conflict("This consult is closed; send a new consult instead.");
        }
        addMessage(c, USER, caller.sub(), PlainText.text(body), via, false);
        if (c.status == ConsultStatus.ANSWERED || c.status == ConsultStatus.WAITING) {
            transition(c, c.consultantSub == null ? ConsultStatus.NEW : ConsultStatus.CLAIMED, USER, caller.sub());
        }
        return view(c, caller);
    }

    /** A reply that arrived by mail; false when the consult is not the sender's or is closed. */
    @Transactional
    public boolean replyByMail(String ownerSub, UUID id, String body) {
        Consult c = Consult.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || !c.ownerSub.equals(ownerSub) || c.status == ConsultStatus.CLOSED) {
            return false;
        }
        reply(new Caller(ownerSub, null, Set.of()), id, body, "email");
        return true;
    }

    @Transactional
    public ConsultView close(Caller caller, UUID id) {
        Consult c = locked(id);
        boolean owner = c.ownerSub.equals(caller.sub());
        if (!owner && !caller.consultant()) {
            throw notFound();
        }
        if (!owner && c.consultantSub != null && !c.consultantSub.equals(caller.sub())) {
            throw ProblemException.conflict("Another consultant has claimed this consult; only they or the user can close it.");
        }
        if (c.status == ConsultStatus.CLOSED) {
            throw ProblemException.conflict("This consult is already closed.");
        }
        transition(c, ConsultStatus.CLOSED, owner ? USER : CONSULTANT, caller.sub());
        return view(c, caller);
    }

    // ---- the consultant's side ----

    @Transactional
    public ListPage<Summary> queue(Caller caller, Set<ConsultStatus> statuses, boolean mineOnly, Paging paging,
                                   URI request) {
        Set<ConsultStatus> wanted = statuses.isEmpty()
                ? EnumSet.of(ConsultStatus.NEW, ConsultStatus.CLAIMED, ConsultStatus.WAITING) : statuses;
        String query = "status in :statuses" + (mineOnly ? " and consultantSub = :me" : "") + " order by createdAt, id";
        Parameters params = Parameters.with("statuses", wanted);
        if (mineOnly) {
            params = params.and("me", caller.sub());
        }
        return page(Consult.find(query, params), caller, paging, request);
    }

    @Transactional
    public ConsultView claim(Caller caller, UUID id) {
        Consult c = lockedForConsultant(caller, id);
        if (caller.sub().equals(c.consultantSub)) {
            return view(c, caller);
        }
        if (c.status == ConsultStatus.CLOSED) {
            throw ProblemException.conflict("This consult is closed.");
        }
        if (c.consultantSub != null) {
            throw ProblemException.conflict("Another consultant has already claimed this consult.");
        }
        c.consultantSub = caller.sub();
        if (c.status == ConsultStatus.NEW) {
            transition(c, ConsultStatus.CLAIMED, CONSULTANT, caller.sub());
        } else {
            c.updatedAt = Instant.now();
        }
        return view(c, caller);
    }

    @Transactional
    public ConsultView answer(Caller caller, UUID id, ConsultRequests.Answer answer) {
        Consult c = lockedForConsultant(caller, id);
        if (c.status == ConsultStatus.CLOSED) {
            throw ProblemException.conflict("This consult is closed.");
        }
        if (c.consultantSub != null && !c.consultantSub.equals(caller.sub())) {
            throw ProblemException.conflict("Another consultant has claimed this consult.");
        }
        if (c.consultantSub == null) {
            c.consultantSub = caller.sub();
        }
        addMessage(c, CONSULTANT, caller.sub(), PlainText.text(answer.body()), "api",
                Boolean.TRUE.equals(answer.fromDraft()));
        ConsultStatus to = Boolean.TRUE.equals(answer.waitForUser()) ? ConsultStatus.WAITING : ConsultStatus.ANSWERED;
        if (c.status != to) {
            transition(c, to, CONSULTANT, caller.sub());
        }
        contacts.emailOf(c.ownerSub).ifPresentOrElse(
                email -> mails.fire(new ConsultMail(ConsultMail.Kind.ANSWERED, email, c.id, c.subject, c.status)),
                () -> LOG.warnf("Consult %s answered but its owner has no known e-mail address", c.id));
        return view(c, caller);
    }

    @Transactional
    public ConsultViews.Stats stats(Duration window) {
        Instant since = Instant.now().minus(window);
        long submitted = Consult.count("createdAt >= ?1", since);
        Map<String, Long> byStatus = new java.util.LinkedHashMap<>();
        for (ConsultStatus s : ConsultStatus.values()) {
            byStatus.put(s.id(), Consult.count("createdAt >= ?1 and status = ?2", since, s));
        }
        return new ConsultViews.Stats(since, submitted, byStatus,
                durations(since, "'answered', 'waiting'"), durations(since, "'closed'"));
    }

    /** Seconds from submission to the first change into one of the statuses, over consults submitted since. */
    private ConsultViews.Durations durations(Instant since, String statuses) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        select count(*),
                               percentile_cont(0.5) within group (order by secs),
                               percentile_cont(0.9) within group (order by secs),
                               max(secs)
                        from (select extract(epoch from (min(h.changed_at) - c.created_at))::float8 as secs
                              from consult c join consult_status_change h on h.consult_id = c.id
                              where c.created_at >= ?1 and h.to_status in (%s)
                              group by c.id, c.created_at) t
                        """.formatted(statuses))
                .setParameter(1, since).getSingleResult();
        return new ConsultViews.Durations(((Number) row[0]).longValue(), number(row[1]), number(row[2]),
                number(row[3]));
    }

    // ---- shared ----

    private void addMessage(Consult c, String role, String sub, String body, String via, boolean fromDraft) {
        ConsultMessage m = new ConsultMessage();
        m.consultId = c.id;
        m.authorRole = role;
        m.authorSub = sub;
        m.body = body;
        m.via = via;
        m.fromDraft = fromDraft;
        m.createdAt = Instant.now();
        m.persist();
        c.updatedAt = m.createdAt;
    }

    private void transition(Consult c, ConsultStatus to, String actorRole, String actorSub) {
        Instant now = Instant.now();
        record(c, c.status, to, actorRole, actorSub, now);
        c.status = to;
        c.statusSince = now;
        c.updatedAt = now;
    }

    private static void record(Consult c, ConsultStatus from, ConsultStatus to, String role, String sub, Instant at) {
        ConsultStatusChange h = new ConsultStatusChange();
        h.consultId = c.id;
        h.fromStatus = from;
        h.toStatus = to;
        h.actorRole = role;
        h.actorSub = sub;
        h.changedAt = at;
        h.persist();
    }

    /** The owner reads their consult; a consultant reads any; everybody else learns nothing (404, not 403). */
    private Consult readable(Caller caller, UUID id) {
        Consult c = Consult.findById(id);
        if (c == null || !(c.ownerSub.equals(caller.sub()) || caller.consultant())) {
            throw notFound();
        }
        return c;
    }

    private Consult lockedOwnedBy(String ownerSub, UUID id) {
        Consult c = locked(id);
        if (!c.ownerSub.equals(ownerSub)) {
            throw notFound();
        }
        return c;
    }

    private Consult locked(UUID id) {
        Consult c = Consult.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw notFound();
        }
        return c;
    }

    private Consult lockedForConsultant(Caller caller, UUID id) {
        Consult c = locked(id);
        if (c.ownerSub.equals(caller.sub())) {
            throw ProblemException.conflict("This is your own consult: another consultant must answer it.");
        }
        return c;
    }

    static ProblemException notFound() {
        return ProblemException.notFound("No consult with this id is visible to you.");
    }

    static void requireRegistered(Caller caller) {
        if (!caller.registered()) {
            throw ProblemException.forbidden("CaseConsultant is for registered users: register a free account "
                    + "(POST /api/auth/register), sign in and send your consult again.");
        }
    }

    /**
     * Case details (the case text and the draft drawn from it) are shown to the owner and to the consultant who
     * claimed the consult; other consultants see that they exist and must claim the consult to read them.
     */
    ConsultView view(Consult c, Caller caller) {
        boolean owner = c.ownerSub.equals(caller.sub());
        boolean claimant = caller.sub().equals(c.consultantSub);
        boolean details = owner || claimant;
        boolean hasDetails = c.caseText != null || c.draft != null;
        List<MessageView> messages = ConsultMessage.thread(c.id).stream()
                .map(m -> new MessageView(m.id, m.authorRole, m.authorSub.equals(caller.sub()), m.body, m.via,
                        m.createdAt))
                .toList();
        List<StatusChangeView> history = ConsultStatusChange.history(c.id).stream()
                .map(h -> new StatusChangeView(h.fromStatus, h.toStatus, h.actorRole, h.changedAt)).toList();
        return new ConsultView(c.id, c.subject, c.status, c.source, c.question, details ? c.caseText : null,
                !details && hasDetails, List.copyOf(c.consideredCodes), c.consultantSub != null, claimant,
                c.createdAt, c.updatedAt, c.statusSince, details ? DraftView.of(c.draft) : null, messages, history);
    }

    private List<Summary> summaries(List<Consult> consults, Caller caller) {
        Instant now = Instant.now();
        Map<UUID, Long> counts = new java.util.HashMap<>();
        if (!consults.isEmpty()) {
            List<Object[]> rows = em.createQuery(
                            "select m.consultId, count(m) from ConsultMessage m where m.consultId in :ids group by m.consultId",
                            Object[].class)
                    .setParameter("ids", consults.stream().map(c -> c.id).toList()).getResultList();
            rows.forEach(r -> counts.put((UUID) r[0], (Long) r[1]));
        }
        return consults.stream().map(c -> new Summary(c.id, c.subject, c.status, c.source, c.consultantSub != null,
                caller.sub().equals(c.consultantSub), List.copyOf(c.consideredCodes), c.createdAt, c.statusSince,
                Duration.between(c.createdAt, now).toSeconds(), Duration.between(c.statusSince, now).toSeconds(),
                counts.getOrDefault(c.id, 0L))).toList();
    }

    private static Collection<ConsultStatus> orAll(Set<ConsultStatus> statuses) {
        return statuses.isEmpty() ? EnumSet.allOf(ConsultStatus.class) : statuses;
    }

    private static Double number(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
