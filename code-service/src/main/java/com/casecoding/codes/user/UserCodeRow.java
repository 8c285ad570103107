package com.casecoding.codes.user;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/** The columns every per-user row about one code shares: whose it is (token subject), which code, since when. */
@MappedSuperclass
public abstract class UserCodeRow extends PanacheEntityBase {

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
