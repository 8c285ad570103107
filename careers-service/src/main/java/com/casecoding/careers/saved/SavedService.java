package com.casecoding.careers.saved;

import com.casecoding.careers.jobs.JobPosting;
import com.casecoding.careers.jobs.SearchCriteria;
import com.casecoding.careers.web.QueryPage;
import com.casecoding.common.list.Paging;
import com.casecoding.common.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** A coder's saved jobs and saved searches; every lookup is scoped to the caller's account. */
@ApplicationScoped
public class SavedService {

    static final int MAX_SAVED_SEARCHES = 20;
    static final int MAX_SAVED_JOBS = 500;

    @Inject
    ObjectMapper json;

    @Transactional
    public void saveJob(String accountId, long postingId) {
        JobPosting p = JobPosting.findById(postingId);
        if (p == null || !p.isPublic(Instant.now())) {
            throw ProblemException.notFound("No open job posting " + postingId + ".");
        }
        SavedJob.Key key = new SavedJob.Key(accountId, postingId);
        if (SavedJob.findById(key) != null) {
            return;
        }
        if (SavedJob.count("key.accountId", accountId) >= MAX_SAVED_JOBS) {
            throw ProblemException.conflict("You can save at most " + MAX_SAVED_JOBS + " jobs; remove some first.");
        }
        SavedJob s = new SavedJob();
        s.key = key;
        s.savedAt = Instant.now();
        s.persist();
    }

    @Transactional
    public void unsaveJob(String accountId, long postingId) {
        SavedJob.deleteById(new SavedJob.Key(accountId, postingId));
    }

    /** The account's saved jobs, most recently saved first: the page asked for and how many in all. */
    public QueryPage<SavedJob> savedJobs(String accountId, Paging paging) {
        return QueryPage.of(SavedJob.find("key.accountId",
                Sort.by("savedAt").descending().and("key.postingId").descending(), accountId), paging);
    }

    @Transactional
    public SavedSearch saveSearch(String accountId, String email, SavedSearchRequest r) {
        r.criteria().checked();
        if (SavedSearch.count("accountId", accountId) >= MAX_SAVED_SEARCHES) {
            throw ProblemException.conflict("You can keep at most " + MAX_SAVED_SEARCHES + " saved searches.");
        }
        SavedSearch s = new SavedSearch();
        s.accountId = accountId;
        s.email = email;
        s.name = r.name().trim();
        s.criteria = write(r.criteria());
        s.digest = r.digest() == null || r.digest();
        Instant now = Instant.now();
        s.lastNotifiedAt = now;
        s.createdAt = now;
        s.persist();
        return s;
    }

    /** The account's saved searches, newest first: the page asked for and how many in all. */
    public QueryPage<SavedSearch> savedSearches(String accountId, Paging paging) {
        return QueryPage.of(SavedSearch.find("accountId",
                Sort.by("createdAt").descending().and("id").descending(), accountId), paging);
    }

    @Transactional
    public void deleteSearch(String accountId, long id) {
        long deleted = SavedSearch.delete("id = ?1 and accountId = ?2", id, accountId);
        if (deleted == 0) {
            throw ProblemException.notFound("You have no saved search " + id + ".");
        }
    }

    public SavedSearchView view(SavedSearch s) {
        return new SavedSearchView(s.id, s.name, criteria(s), s.digest, s.email != null, s.lastNotifiedAt, s.createdAt);
    }

    public SearchCriteria criteria(SavedSearch s) {
        try {
            return json.readValue(s.criteria, SearchCriteria.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("saved search " + s.id + " has unreadable criteria", e);
        }
    }

    private String write(SearchCriteria c) {
        try {
            return json.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store search criteria", e);
        }
    }
}
