package com.casecoding.careers.applications;

import com.casecoding.careers.jobs.ApplyMethod;
import com.casecoding.careers.jobs.JobPosting;
import com.casecoding.careers.jobs.JobService;
import com.casecoding.careers.web.Violations;
import com.casecoding.careers.web.QueryPage;
import com.casecoding.common.list.Paging;
import com.casecoding.common.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;

@ApplicationScoped
public class ApplicationService {

    @Inject
    JobService jobs;

    @Transactional
    public JobApplication apply(String applicantId, String email, long postingId, ApplicationRequest r) {
        JobPosting posting = JobPosting.findById(postingId);
        if (posting == null || !posting.isPublic(Instant.now())) {
            throw ProblemException.notFound("No open job posting " + postingId + ".");
        }
        if (ApplyMethod.EXTERNAL.wire().equals(posting.applyMethod)) {
            throw ProblemException.conflict("This employer takes applications on its own site.")
                    .with("applyUrl", posting.applyUrl);
        }
        Violations v = new Violations();
        boolean hasUrl = r.resumeUrl() != null && !r.resumeUrl().isBlank();
        boolean hasText = r.resumeText() != null && !r.resumeText().isBlank();
        if (!hasUrl && !hasText) {
            v.add("resumeUrl", "or resumeText must be given");
        }
        if (hasUrl && !Violations.isWebUrl(r.resumeUrl())) {
            v.add("resumeUrl", "must be an http(s) URL");
        }
        v.throwIfAny();
        if (JobApplication.count("postingId = ?1 and applicantId = ?2", postingId, applicantId) > 0) {
            throw ProblemException.conflict("You already applied to this posting; see /api/careers/me/applications.");
        }
        Instant now = Instant.now();
        JobApplication a = new JobApplication();
        a.postingId = postingId;
        a.applicantId = applicantId;
        a.applicantEmail = email;
        a.coverNote = r.coverNote();
        a.resumeUrl = hasUrl ? r.resumeUrl().trim() : null;
        a.resumeText = hasText ? r.resumeText() : null;
        a.status = ApplicationStatus.SUBMITTED.wire();
        a.createdAt = now;
        a.updatedAt = now;
        a.persist();
        return a;
    }

    /** The applicant's applications, newest first: the page asked for and how many in all. */
    public QueryPage<JobApplication> mine(String applicantId, Paging paging) {
        return QueryPage.of(JobApplication.find("applicantId",
                Sort.by("createdAt").descending().and("id").descending(), applicantId), paging);
    }

    /** The caller's own application, or 404 (someone else's is indistinguishable from a missing one). */
    public JobApplication own(String applicantId, long id) {
        JobApplication a = JobApplication.findById(id);
        if (a == null || !a.applicantId.equals(applicantId)) {
            throw ProblemException.notFound("You have no application " + id + ".");
        }
        return a;
    }

    @Transactional
    public JobApplication withdraw(String applicantId, long id) {
        JobApplication a = own(applicantId, id);
        ApplicationStatus status = ApplicationStatus.of(a.status);
        if (status.isFinal()) {
            throw ProblemException.conflict("This application is already " + status + ".");
        }
        a.status = ApplicationStatus.WITHDRAWN.wire();
        a.updatedAt = Instant.now();
        return a;
    }

    /** Applications to one of the employer's own postings (of one status, when given): a page and the count. */
    public QueryPage<JobApplication> forPosting(String employerId, long postingId, ApplicationStatus status,
                                                Paging paging) {
        jobs.owned(employerId, postingId);
        Sort sort = Sort.by("createdAt").descending().and("id").descending();
        PanacheQuery<JobApplication> query = status == null
                ? JobApplication.find("postingId = :p", sort, Parameters.with("p", postingId))
                : JobApplication.find("postingId = :p and status = :s", sort,
                Parameters.with("p", postingId).and("s", status.wire()));
        return QueryPage.of(query, paging);
    }

    /** An application to one of the employer's own postings, or 404. */
    public JobApplication ofEmployer(String employerId, long applicationId) {
        JobApplication a = JobApplication.findById(applicationId);
        if (a == null) {
            throw ProblemException.notFound("No application " + applicationId + " to your postings.");
        }
        JobPosting p = JobPosting.findById(a.postingId);
        if (p == null || !p.employerId.equals(employerId)) {
            throw ProblemException.notFound("No application " + applicationId + " to your postings.");
        }
        return a;
    }

    @Transactional
    public JobApplication move(String employerId, long applicationId, ApplicationStatus next) {
        JobApplication a = ofEmployer(employerId, applicationId);
        ApplicationStatus current = ApplicationStatus.of(a.status);
        if (!current.employerMayMoveTo(next)) {
            throw ProblemException.conflict("An application that is " + current + " cannot be moved to " + next + ".");
        }
        a.status = next.wire();
        a.updatedAt = Instant.now();
        return a;
    }
}
