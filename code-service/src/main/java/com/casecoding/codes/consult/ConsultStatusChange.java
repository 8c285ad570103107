package com.casecoding.codes.consult;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One status change of a consult, with its time: response times are computed from these. */
@Entity
@Table(name = "consult_status_change")
public class ConsultStatusChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "consult_id", nullable = false)
    public UUID consultId;

    @Column(name = "from_status", length = 12)
    public ConsultStatus fromStatus;

    @Column(name = "to_status", nullable = false, length = 12)
    public ConsultStatus toStatus;

    /** {@code user}, {@code consultant} or {@code system}. */
    @Column(name = "actor_role", nullable = false, length = 12)
    public String actorRole;

    @Column(name = "actor_sub", length = 64)
    public String actorSub;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public static List<ConsultStatusChange> history(UUID consultId) {
        return list("consultId = ?1 order by id", consultId);
    }
}
