package com.casecoding.careers.jobs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;

/** A job posting as stored. The derived search columns (search_vector, credentials_all, ...) are not mapped. */
@Entity
@Table(name = "job_posting")
public class JobPosting extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "employer_id", nullable = false, length = 64)
    public String employerId;

    @Column(name = "employer_name", nullable = false, length = 200)
    public String employerName;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(nullable = false, columnDefinition = "text")
    public String description;

    @Column(length = 100)
    public String city;

    @Column(length = 2)
    public String state;

    @Column(nullable = false, length = 2)
    public String country;

    @Column(nullable = false, length = 16)
    public String workplace;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "remote_states", nullable = false, columnDefinition = "text[]")
    public String[] remoteStates;

    @Column(name = "employment_type", nullable = false, length = 16)
    public String employmentType;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "credentials_required", nullable = false, columnDefinition = "text[]")
    public String[] credentialsRequired;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "credentials_preferred", nullable = false, columnDefinition = "text[]")
    public String[] credentialsPreferred;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] specialties;

    @Column(name = "experience_years", nullable = false)
    public int experienceYears;

    @Column(name = "salary_min", precision = 12, scale = 2)
    public BigDecimal salaryMin;

    @Column(name = "salary_max", precision = 12, scale = 2)
    public BigDecimal salaryMax;

    @Column(name = "salary_currency", length = 3)
    public String salaryCurrency;

    @Column(name = "salary_period", length = 8)
    public String salaryPeriod;

    @Column(name = "apply_method", nullable = false, length = 16)
    public String applyMethod;

    @Column(name = "apply_url", length = 1000)
    public String applyUrl;

    @Column(name = "valid_through", nullable = false)
    public Instant validThrough;

    @Column(nullable = false, length = 16)
    public String status;

    @Column(nullable = false)
    public boolean hidden;

    @Column(name = "hidden_reason", length = 500)
    public String hiddenReason;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public int version;

    public PostingStatus postingStatus() {
        return PostingStatus.of(status);
    }

    /** Visible to the public: published, not hidden by a moderator, not past its date. */
    public boolean isPublic(Instant now) {
        return PostingStatus.PUBLISHED.wire().equals(status) && !hidden && validThrough.isAfter(now);
    }
}
