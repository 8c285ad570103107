package com.casecoding.codes.release;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** One imported official file set: a code set at a version, effective from a date, identified by its checksum. */
@Entity
@Table(name = "code_release")
public class CodeRelease extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** What the release holds: a code system id ({@code icd10cm}) or an edit table kind ({@code mue-practitioner}). */
    @Column(name = "dataset", nullable = false, length = 32)
    public String dataset;

    @Column(name = "version", nullable = false, length = 32)
    public String version;

    @Column(name = "effective_date", nullable = false)
    public LocalDate effectiveDate;

    @Column(name = "source_file", nullable = false, length = 400)
    public String sourceFile;

    @Column(name = "source_sha256", nullable = false, length = 64)
    public String sourceSha256;

    @Column(name = "row_count", nullable = false)
    public int rowCount;

    @Column(name = "imported_at", nullable = false)
    public Instant importedAt;
}
