package com.casecoding.careers.saved;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "saved_search")
public class SavedSearch extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false, length = 64)
    public String accountId;

    @Column(length = 320)
    public String email;

    @Column(nullable = false, length = 100)
    public String name;

    /** The search filters as JSON ({@link com.casecoding.careers.jobs.SearchCriteria}). */
    @Column(nullable = false, columnDefinition = "text")
    public String criteria;

    @Column(nullable = false)
    public boolean digest;

    @Column(name = "last_notified_at", nullable = false)
    public Instant lastNotifiedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
