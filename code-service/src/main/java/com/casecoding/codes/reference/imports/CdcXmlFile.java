package com.casecoding.codes.reference.imports;

import com.casecoding.codes.reference.ReferenceDatasets;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names CDC gives the ICD-10-CM XML files of a release: {@code icd10cm_tabular_2025.xml} (older years and the
 * April updates: {@code icd10cm-tabular-2023.xml}, {@code icd10cm-tabular-April-2024.xml}), and for the index
 * {@code icd10cm_index_2025.xml}, {@code icd10cm_eindex_2025.xml}, {@code icd10cm_neoplasm_2025.xml},
 * {@code icd10cm_drug_2025.xml}. The year is the fiscal year (effective October 1 before it); an April file is the
 * update of April 1 inside that fiscal year.
 */
record CdcXmlFile(String kind, String dataset, int fiscalYear, boolean april) {

    private static final Pattern NAME = Pattern.compile(
            "icd-?10-?cm[_ -](tabular|index|eindex|neoplasm|drug)[_ -](?:(april)[_ -])?(\\d{4})\\.xml");

    static Optional<CdcXmlFile> of(Path file) {
        Matcher m = NAME.matcher(ReleaseCalendar.stem(file).toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        String kind = m.group(1);
        String dataset = switch (kind) {
            case "tabular" -> ReferenceDatasets.TABULAR;
            case "index" -> ReferenceDatasets.INDEX;
            case "eindex" -> ReferenceDatasets.EINDEX;
            case "neoplasm" -> ReferenceDatasets.NEOPLASM;
            default -> ReferenceDatasets.DRUG;
        };
        return Optional.of(new CdcXmlFile(kind, dataset, Integer.parseInt(m.group(3)), m.group(2) != null));
    }

    String version() {
        return "FY" + fiscalYear + (april ? "-APR" : "");
    }

    LocalDate effectiveDate() {
        return april ? LocalDate.of(fiscalYear, 4, 1) : ReleaseCalendar.fiscalYearStart(fiscalYear);
    }

    String describe() {
        String what = switch (kind) {
            case "tabular" -> "ICD-10-CM Tabular List";
            case "index" -> "ICD-10-CM Index to Diseases and Injuries";
            case "eindex" -> "ICD-10-CM External Cause of Injuries Index";
            case "neoplasm" -> "ICD-10-CM Table of Neoplasms";
            default -> "ICD-10-CM Table of Drugs and Chemicals";
        };
        return what + " (CDC XML), FY" + fiscalYear + (april ? " April 1 update" : "");
    }

    /** The {@code <version>} element must name the file's year (CDC writes the fiscal year). */
    void checkVersion(String version, int line) throws TabularParser.LayoutException {
        String v = version.strip();
        if (!v.isEmpty() && !v.contains(Integer.toString(fiscalYear))) {
            throw new TabularParser.LayoutException(line, "the file's <version> is '" + v + "' but its name says "
                    + fiscalYear + ": rename the file or use the file of that year");
        }
    }
}
