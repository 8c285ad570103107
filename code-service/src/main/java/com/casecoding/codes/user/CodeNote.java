package com.casecoding.codes.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** A user's private note on a code (one per user and code). */
@Entity
@Table(name = "user_code_note")
public class CodeNote extends UserCodeRow {

    @Column(nullable = false, length = 5000)
    public String body;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
