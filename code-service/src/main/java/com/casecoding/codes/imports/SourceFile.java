package com.casecoding.codes.imports;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * A recognized release file: what it holds ({@code dataset}, {@code version}, {@code effectiveDate}) and where it is.
 *
 * @param dataset       stored in {@code code_release.dataset}: a code system id ({@code icd10cm}) or a table kind
 *                      ({@code icd10cm-addenda}, {@code gem-dx-i10-i9}, {@code mue-practitioner}); max 32 characters
 * @param version       the publisher's name for the release ({@code FY2025}, {@code 2025-JAN}, {@code v32})
 * @param effectiveDate first day the release applies
 * @param file          the primary file
 * @param companions    sibling files read together with the primary one (e.g. the short-title file of ICD-9-CM);
 *                      they are part of the checksum and are not offered to other importers
 * @param note          optional remark stored with the release (e.g. "order file of FY2021, short titles only")
 */
public record SourceFile(String dataset, String version, LocalDate effectiveDate, Path file, List<Path> companions,
                         String note) {

    public SourceFile {
        companions = companions == null ? List.of() : List.copyOf(companions);
    }

    public SourceFile(String dataset, String version, LocalDate effectiveDate, Path file) {
        this(dataset, version, effectiveDate, file, List.of(), null);
    }

    public String describe() {
        return dataset + " " + version + " (" + file.getFileName() + ")";
    }
}
