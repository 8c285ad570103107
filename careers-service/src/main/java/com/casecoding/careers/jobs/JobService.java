package com.casecoding.careers.jobs;

import com.casecoding.careers.config.CareersConfig;
import com.casecoding.careers.employers.EmployerProfile;
import com.casecoding.careers.employers.EmployerRenamed;
import com.casecoding.careers.employers.EmployerService;
import com.casecoding.careers.web.QueryPage;
import com.casecoding.common.list.Paging;
import com.casecoding.common.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/** Postings as their employer sees them: create (idempotent), edit, publish, close, repost, delete drafts. */
@ApplicationScoped
public class JobService {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");

    @Inject
    EntityManager em;
    @Inject
    EmployerService employers;
    @Inject
    JobRules rules;
    @Inject
    CareersConfig config;
    @Inject
    ObjectMapper json;

    /** The result of a create: the posting, and whether it was created before under the same Idempotency-Key. */
    public record Created(JobPosting posting, boolean replayed) {
    }

    @Transactional
    public Created create(String employerId, JobRequest r, String idempotencyKey) {
        EmployerProfile profile = employers.require(employerId);
        rules.check(r);
        String hash = null;
        if (idempotencyKey != null) {
            if (!IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
                throw ProblemException.invalidField("Idempotency-Key", "must be 1 to 128 visible ASCII characters");
            }
            hash = hash(r);
            // A concurrent request with the same key waits here until the first one commits, then finds its row.
            int inserted = em.createNativeQuery("insert into idempotency_key (employer_id, key, request_hash) "
                            + "values (?1, ?2, ?3) on conflict do nothing")
                    .setParameter(1, employerId).setParameter(2, idempotencyKey).setParameter(3, hash)
                    .executeUpdate();
            if (inserted == 0) {
                Object[] row = (Object[]) em.createNativeQuery("select request_hash, posting_id from idempotency_key "
                                + "where employer_id = ?1 and key = ?2")
                        .setParameter(1, employerId).setParameter(2, idempotencyKey).getSingleResult();
                if (!hash.equals(row[0])) {
                    throw ProblemException.conflict("This Idempotency-Key was already used with a different request "
                            + "body; use a new key for a new posting.");
                }
                JobPosting earlier = row[1] == null ? null : JobPosting.findById(((Number) row[1]).longValue());
                if (earlier == null) {
                    throw ProblemException.conflict("The posting created with this Idempotency-Key no longer exists.");
                }
                return new Created(earlier, true);
            }
        }
        Instant now = Instant.now();
        JobPosting p = new JobPosting();
        p.employerId = employerId;
        p.employerName = profile.organizationName;
        p.status = PostingStatus.DRAFT.wire();
        p.createdAt = now;
        apply(p, r, now);
        p.persist();
        em.flush();
        if (idempotencyKey != null) {
            em.createNativeQuery("update idempotency_key set posting_id = ?1 where employer_id = ?2 and key = ?3")
                    .setParameter(1, p.id).setParameter(2, employerId).setParameter(3, idempotencyKey).executeUpdate();
        }
        return new Created(p, false);
    }

    @Transactional
    public JobPosting update(String employerId, long id, JobRequest r) {
        JobPosting p = owned(employerId, id);
        PostingStatus status = p.postingStatus();
        if (status != PostingStatus.DRAFT && status != PostingStatus.PUBLISHED) {
            throw ProblemException.conflict("A " + status + " posting cannot be edited; repost it first.");
        }
        rules.check(r);
        apply(p, r, Instant.now());
        return p;
    }

    @Transactional
    public JobPosting publish(String employerId, long id) {
        JobPosting p = owned(employerId, id);
        if (p.postingStatus() != PostingStatus.DRAFT) {
            throw ProblemException.conflict("Only a draft can be published; this posting is " + p.status
                    + (p.postingStatus() == PostingStatus.PUBLISHED ? "." : ": repost it instead."));
        }
        Instant now = Instant.now();
        if (!p.validThrough.isAfter(now)) {
            throw ProblemException.conflict("The valid-through date has passed; edit it before publishing.");
        }
        p.status = PostingStatus.PUBLISHED.wire();
        p.publishedAt = now;
        p.updatedAt = now;
        return p;
    }

    @Transactional
    public JobPosting close(String employerId, long id) {
        JobPosting p = owned(employerId, id);
        if (p.postingStatus() != PostingStatus.PUBLISHED) {
            throw ProblemException.conflict("Only a published posting can be closed; this one is " + p.status + ".");
        }
        Instant now = Instant.now();
        p.status = PostingStatus.CLOSED.wire();
        p.closedAt = now;
        p.updatedAt = now;
        return p;
    }

    /** Puts a closed or expired posting back on the board, dated today, open for another period. */
    @Transactional
    public JobPosting repost(String employerId, long id, LocalDate validThrough) {
        JobPosting p = owned(employerId, id);
        PostingStatus status = p.postingStatus();
        if (status != PostingStatus.CLOSED && status != PostingStatus.EXPIRED) {
            throw ProblemException.conflict("Only a closed or expired posting can be reposted; this one is "
                    + p.status + ".");
        }
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (validThrough != null && (!validThrough.isAfter(today)
                || validThrough.isAfter(today.plusDays(config.maxValidDays())))) {
            throw ProblemException.invalidField("validThrough",
                    "must be a future date within " + config.maxValidDays() + " days");
        }
        p.validThrough = validThrough != null ? endOfDay(validThrough)
                : now.plus(config.defaultValidDays(), ChronoUnit.DAYS);
        p.status = PostingStatus.PUBLISHED.wire();
        p.publishedAt = now;
        p.closedAt = null;
        p.updatedAt = now;
        return p;
    }

    @Transactional
    public void deleteDraft(String employerId, long id) {
        JobPosting p = owned(employerId, id);
        if (p.postingStatus() != PostingStatus.DRAFT) {
            throw ProblemException.conflict("Only drafts can be deleted; close a published posting instead.");
        }
        p.delete();
    }

    /** The caller's posting, or 404: another employer's posting is indistinguishable from a missing one. */
    public JobPosting owned(String employerId, long id) {
        JobPosting p = JobPosting.findById(id);
        if (p == null || !p.employerId.equals(employerId)) {
            throw ProblemException.notFound("You have no job posting " + id + ".");
        }
        return p;
    }

    /** The employer's postings (of one status, when given), newest first: the page asked for and how many in all. */
    public QueryPage<JobPosting> listOwned(String employerId, PostingStatus status, Paging paging) {
        Sort sort = Sort.by("createdAt").descending().and("id").descending();
        PanacheQuery<JobPosting> query = status == null
                ? JobPosting.find("employerId = :e", sort, Parameters.with("e", employerId))
                : JobPosting.find("employerId = :e and status = :s", sort,
                Parameters.with("e", employerId).and("s", status.wire()));
        return QueryPage.of(query, paging);
    }

    /** Marks published postings past their valid-through date as expired. Returns how many. */
    @Transactional
    public int expireDue() {
        return em.createNativeQuery("update job_posting set status = 'expired', updated_at = now(), "
                + "version = version + 1 where status = 'published' and valid_through <= now()").executeUpdate();
    }

    private void apply(JobPosting p, JobRequest r, Instant now) {
        p.title = r.title().trim();
        p.description = r.description();
        p.city = blankToNull(r.location().city());
        p.state = r.location().state();
        p.country = r.location().country() == null ? "US" : r.location().country();
        p.workplace = r.workplace().wire();
        p.remoteStates = array(r.remoteStates());
        p.employmentType = r.employmentType().wire();
        p.credentialsRequired = array(r.credentialsRequired());
        p.credentialsPreferred = array(r.credentialsPreferred());
        p.specialties = array(r.specialties());
        p.experienceYears = r.experienceYears() == null ? 0 : r.experienceYears();
        if (r.salary() == null) {
            p.salaryMin = null;
            p.salaryMax = null;
            p.salaryCurrency = null;
            p.salaryPeriod = null;
        } else {
            p.salaryMin = r.salary().min();
            p.salaryMax = r.salary().max();
            p.salaryCurrency = r.salary().currency() == null ? "USD" : r.salary().currency();
            p.salaryPeriod = r.salary().period().wire();
        }
        p.applyMethod = r.apply().method().wire();
        p.applyUrl = r.apply().method() == ApplyMethod.EXTERNAL ? r.apply().url().trim() : null;
        p.validThrough = r.validThrough() != null ? endOfDay(r.validThrough())
                : (p.publishedAt != null ? p.publishedAt : now).plus(config.defaultValidDays(), ChronoUnit.DAYS);
        p.updatedAt = now;
    }

    private static Instant endOfDay(LocalDate date) {
        return date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
    }

    private static String[] array(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private String hash(JobRequest r) {
        try {
            byte[] body = json.writeValueAsBytes(r);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }

    /** Keyword search covers the employer's name: the postings' copy follows a rename, in the same transaction. */
    void onEmployerRenamed(@Observes EmployerRenamed event) {
        JobPosting.update("employerName = ?1 where employerId = ?2", event.organizationName(), event.accountId());
    }
}
