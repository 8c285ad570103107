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

/** One reply in a consult's thread: the user's follow-up or a consultant's answer. */
@Entity
@Table(name = "consult_message")
public class ConsultMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "consult_id", nullable = false)
    public UUID consultId;

    /** {@code user} or {@code consultant}. */
    @Column(name = "author_role", nullable = false, length = 12)
    public String authorRole;

    @Column(name = "author_sub", nullable = false, length = 64)
    public String authorSub;

    @Column(nullable = false)
    public String body;

    /** {@code api} or {@code email}. */
    @Column(nullable = false, length = 8)
    public String via;

    /** The consultant started from the instant draft. */
    @Column(name = "from_draft", nullable = false)
    public boolean fromDraft;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<ConsultMessage> thread(UUID consultId) {
        return list("consultId = ?1 order by id", consultId);
    }
}
