package com.casecoding.careers.employers;

import com.casecoding.careers.web.QueryPage;
import com.casecoding.careers.web.Violations;
import com.casecoding.common.list.Paging;
import com.casecoding.common.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;

@ApplicationScoped
public class EmployerService {

    @Inject
    Event<EmployerRenamed> renamed;

    public EmployerProfile find(String accountId) {
        return EmployerProfile.findById(accountId);
    }

    public EmployerProfile require(String accountId) {
        EmployerProfile p = find(accountId);
        if (p == null) {
            throw ProblemException.conflict("Create your employer profile first: PUT /api/careers/employer/profile.");
        }
        return p;
    }

    /** Creates or updates the caller's own profile. Returns true when it was created. */
    @Transactional
    public boolean save(String accountId, String email, EmployerProfileRequest r) {
        Violations v = new Violations();
        if (r.website() != null && !Violations.isWebUrl(r.website())) {
            v.add("website", "must be an http(s) URL");
        }
        if (r.logoUrl() != null && !Violations.isWebUrl(r.logoUrl())) {
            v.add("logoUrl", "must be an http(s) URL");
        }
        v.throwIfAny();
        Instant now = Instant.now();
        EmployerProfile p = find(accountId);
        boolean created = p == null;
        if (created) {
            p = new EmployerProfile();
            p.accountId = accountId;
            p.createdAt = now;
            p.verified = false;
        }
        String oldName = p.organizationName;
        p.organizationName = r.organizationName().trim();
        p.website = r.website();
        p.about = r.about();
        p.logoUrl = r.logoUrl();
        if (email != null) {
            p.contactEmail = email;
        }
        p.updatedAt = now;
        if (created) {
            p.persist();
        } else if (!p.organizationName.equals(oldName)) {
            renamed.fire(new EmployerRenamed(accountId, p.organizationName));
        }
        return created;
    }

    @Transactional
    public EmployerProfile setVerified(String accountId, boolean verified) {
        EmployerProfile p = find(accountId);
        if (p == null) {
            throw ProblemException.notFound("No employer profile for account " + accountId + ".");
        }
        p.verified = verified;
        p.updatedAt = Instant.now();
        return p;
    }

    /** Employer profiles (only verified or unverified ones, when given), newest first: a page and the count. */
    public QueryPage<EmployerProfile> list(Boolean verified, Paging paging) {
        Sort sort = Sort.by("createdAt").descending().and("accountId");
        PanacheQuery<EmployerProfile> query = verified == null ? EmployerProfile.findAll(sort)
                : EmployerProfile.find("verified", sort, verified);
        return QueryPage.of(query, paging);
    }
}
