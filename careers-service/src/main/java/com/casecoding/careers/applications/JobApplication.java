package com.casecoding.careers.applications;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

@Entity
@Table(name = "job_application")
public class JobApplication extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "posting_id", nullable = false)
    public Long postingId;

    @Column(name = "applicant_id", nullable = false, length = 64)
    public String applicantId;

    @Column(name = "applicant_email", length = 320)
    public String applicantEmail;

    @Column(name = "cover_note", columnDefinition = "text")
    public String coverNote;

    @Column(name = "resume_url", length = 1000)
    public String resumeUrl;

    @Column(name = "resume_text", columnDefinition = "text")
    public String resumeText;

    @Column(nullable = false, length = 16)
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public int version;
}
