package com.casecoding.codes.user;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One search of a registered user. */
@Entity
@Table(name = "user_search_history")
public class SearchHistoryEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 64)
    public String subject;

    @Column(nullable = false, length = 200)
    public String query;

    @Column(length = 100)
    public String systems;

    @Column(name = "result_count", nullable = false)
    public long resultCount;

    @Column(name = "searched_at", nullable = false)
    public Instant searchedAt;
}
