package com.casecoding.codes.user;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A code a user starred. */
@Entity
@Table(name = "user_favorite")
public class Favorite extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 64)
    public String subject;

    @Column(nullable = false, length = 16)
    public String system;

    @Column(nullable = false, length = 16)
    public String code;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
