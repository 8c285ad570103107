package com.casecoding.gateway.accounts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A refresh token, known only by its SHA-256; rotated on every use. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken extends PanacheEntityBase {

    @Id
    @Column(name = "token_hash", length = 64)
    public String tokenHash;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(name = "family_id", nullable = false)
    public UUID familyId;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "replaced_by", length = 64)
    public String replacedBy;

    /** SHA-256 of the client address that rotated it: only that address may use it again within the grace. */
    @Column(name = "rotated_by", length = 64)
    public String rotatedBy;

    /** Uses after its rotation that the grace allowed. */
    @Column(name = "grace_uses", nullable = false)
    public int graceUses;
}
