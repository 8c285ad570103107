package com.casecoding.codes.release;

import com.casecoding.common.codes.CodeSystem;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;

/**
 * The publishers' calendars: how long a release of each dataset applies when the file itself does not say.
 * <ul>
 * <li>ICD-10-CM, ICD-10-PCS, their addenda, the GEMs and ICD-9-CM: the federal fiscal year, October 1 to
 * September 30 (FY2025: 2024-10-01 to 2025-09-30). An April 1 update applies from its own date to the same
 * September 30; where both are loaded the later one answers from April on.</li>
 * <li>HCPCS Level II: quarterly files (January, April, July, October), each until the next quarter begins.</li>
 * <li>NCCI MUE, add-on and PTP edits: calendar quarters.</li>
 * <li>The Medicare Physician Fee Schedule (RVU, GPCI, localities) and CPT: the calendar year. MPFS quarterly
 * revisions (RVU25A to RVU25D) apply from their own date to December 31; a later revision answers from its date.</li>
 * </ul>
 * Datasets this class does not know get an open period from their effective date; their importer can give a
 * period of its own ({@code DatasetImporter#period}).
 */
public final class ReleaseCalendar {

    private static final Map<String, String> TABLE_LABELS = Map.ofEntries(
            Map.entry("icd10cm-addenda", "ICD-10-CM addenda"),
            Map.entry("icd10pcs-addenda", "ICD-10-PCS addenda"),
            Map.entry("gem-dx-i10-i9", "GEMs ICD-10-CM to ICD-9-CM"),
            Map.entry("gem-dx-i9-i10", "GEMs ICD-9-CM to ICD-10-CM"),
            Map.entry("gem-pcs-i10-i9", "GEMs ICD-10-PCS to ICD-9-CM"),
            Map.entry("gem-pcs-i9-i10", "GEMs ICD-9-CM to ICD-10-PCS"),
            Map.entry("mpfs-rvu", "Medicare Physician Fee Schedule (RVU)"),
            Map.entry("mpfs-gpci", "Medicare GPCIs"),
            Map.entry("mpfs-locality", "Medicare payment localities"),
            Map.entry("mue-practitioner", "NCCI MUE, practitioner"),
            Map.entry("mue-outpatient-hospital", "NCCI MUE, outpatient hospital"),
            Map.entry("mue-dme-supplier", "NCCI MUE, DME supplier"),
            Map.entry("ncci-aoc", "NCCI add-on code edits"),
            Map.entry("ptp-practitioner", "NCCI PTP, practitioner"),
            Map.entry("ptp-outpatient-hospital", "NCCI PTP, outpatient hospital"));

    private ReleaseCalendar() {
    }

    /** How a dataset's releases are dated. */
    public enum Basis {
        FISCAL_YEAR("the federal fiscal year (October 1 to September 30)"),
        QUARTER("the calendar quarter"),
        CALENDAR_YEAR("the calendar year"),
        OPEN("no calendar: from its effective date on");

        private final String description;

        Basis(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public static Basis basis(String dataset) {
        String d = dataset == null ? "" : dataset.toLowerCase(Locale.ROOT);
        if (d.startsWith("icd10") || d.startsWith("icd9") || d.startsWith("gem-")) {
            return Basis.FISCAL_YEAR;
        }
        if (d.equals("hcpcs") || d.startsWith("mue-") || d.startsWith("ptp-") || d.equals("ncci-aoc")) {
            return Basis.QUARTER;
        }
        if (d.equals("cpt") || d.startsWith("mpfs-")) {
            return Basis.CALENDAR_YEAR;
        }
        return Basis.OPEN;
    }

    /** The validity period of a release of {@code dataset} effective on {@code effective} by its calendar. */
    public static ReleasePeriod periodOf(String dataset, LocalDate effective) {
        return switch (basis(dataset)) {
            case FISCAL_YEAR -> new ReleasePeriod(effective, fiscalYearEnd(effective));
            case QUARTER -> new ReleasePeriod(effective, effective.with(IsoFields.DAY_OF_QUARTER, 1)
                    .plusMonths(3).minusDays(1));
            case CALENDAR_YEAR -> new ReleasePeriod(effective, effective.with(TemporalAdjusters.lastDayOfYear()));
            case OPEN -> new ReleasePeriod(effective, null);
        };
    }

    /** The September 30 that ends the fiscal year holding {@code date}. */
    public static LocalDate fiscalYearEnd(LocalDate date) {
        return LocalDate.of(date.getMonthValue() >= 10 ? date.getYear() + 1 : date.getYear(), 9, 30);
    }

    /**
     * For a code set its publisher no longer updates, the sentence saying so when its last release has ended:
     * ICD-9-CM stopped with version 32 (ICD-10 replaced it for services from 2015-10-01), the GEMs with FY2018.
     */
    public static java.util.Optional<String> finalNotice(String dataset, String version) {
        if ((dataset.equals("icd9cm") || dataset.equals("icd9pcs")) && version.equals("v32")) {
            return java.util.Optional.of(label(dataset) + " v32 is the final release: ICD-9-CM is not used for "
                    + "services from 2015-10-01, when ICD-10 replaced it.");
        }
        if (dataset.startsWith("gem-") && version.equals("FY2018")) {
            return java.util.Optional.of(label(dataset) + " FY2018 is the final release: CMS no longer updates the "
                    + "General Equivalence Mappings, which are used as published.");
        }
        return java.util.Optional.empty();
    }

    /** The name people use for a dataset: the code set's label ({@code ICD-10-CM}) or the table's. */
    public static String label(String dataset) {
        return CodeSystem.fromId(dataset).map(CodeSystem::label)
                .orElseGet(() -> TABLE_LABELS.getOrDefault(dataset, dataset));
    }
}
