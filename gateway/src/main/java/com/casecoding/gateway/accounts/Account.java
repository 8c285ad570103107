package com.casecoding.gateway.accounts;

import com.casecoding.gateway.auth.TokenService;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    public static final Set<String> ROLES = Set.of("guest", "coder", "employer", "consultant", "admin");
    public static final Set<String> PLANS = Set.of("guest", "free", "pro");

    @Id
    public UUID id;

    @Column(length = 254, unique = true)
    public String email;

    @Column(name = "password_hash", length = 200)
    public String passwordHash;

    @Column(name = "account_type", nullable = false, length = 16)
    public String accountType;

    @Column(nullable = false, length = 16)
    public String plan;

    @Column(nullable = false, length = 200)
    public String roles;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "merged_into")
    public UUID mergedInto;

    /** Raised when roles or plan change: older tokens stop working (auth.Revocations). */
    @Column(name = "token_version", nullable = false)
    public int tokenVersion;

    /** Guests: SHA-256 of the client address the guest was issued to (issuance is limited per address). */
    @Column(name = "created_from", length = 64)
    public String createdFrom;

    /** Guests: the network (CIDR) the guest's tokens may be used from. */
    @Column(name = "guest_network", length = 50)
    public String guestNetwork;

    public boolean isGuest() {
        return "guest".equals(plan);
    }

    /** What this account's access tokens say of it. */
    public TokenService.Subject tokenSubject() {
        return new TokenService.Subject(id, isGuest(), roleSet(), plan, accountType, tokenVersion, email);
    }

    public Set<String> roleSet() {
        return Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public void setRoles(Set<String> newRoles) {
        this.roles = String.join(",", newRoles.stream().sorted().toList());
    }

    public static Account findByEmail(String email) {
        return find("email", email).firstResult();
    }
}
