package com.casecoding.codes.consult;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A coder's case or question, its status and its instant draft. The thread lives in {@link ConsultMessage}. */
@Entity
@Table(name = "consult")
public class Consult extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Token subject (account id) of the coder who asked. */
    @Column(name = "owner_sub", nullable = false, length = 64)
    public String ownerSub;

    @Column(nullable = false, length = 200)
    public String subject;

    @Column(nullable = false)
    public String question;

    /** De-identified case text, plain text only; shown to the owner and the consultant who claimed the consult. */
    @Column(name = "case_text")
    public String caseText;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "considered_codes", nullable = false)
    public List<String> consideredCodes = new ArrayList<>();

    @Column(nullable = false, length = 12)
    public ConsultStatus status;

    /** {@code api} or {@code email}. */
    @Column(nullable = false, length = 8)
    public String source;

    @Column(name = "consultant_sub", length = 64)
    public String consultantSub;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "draft")
    public Draft draft;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "status_since", nullable = false)
    public Instant statusSince;
}
