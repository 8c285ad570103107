package com.casecoding.codes.edits;

import java.time.LocalDate;
import java.time.Month;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The payment and edit datasets this package imports; the id is stored in {@code code_release.dataset}. Each knows
 * how to read its version and effective date from the official file name when the caller does not give them.
 */
public enum EditDataset {
    MPFS_RVU("mpfs-rvu", "Medicare Physician Fee Schedule RVUs (PPRRVU CSV)"),
    MPFS_GPCI("mpfs-gpci", "Medicare GPCIs by locality (GPCIyyyy.txt)"),
    MPFS_LOCALITY("mpfs-locality", "Counties in each Medicare payment locality (yyLOCCO.txt)"),
    MUE_PRACTITIONER("mue-practitioner", "NCCI MUE, practitioner services"),
    MUE_OUTPATIENT_HOSPITAL("mue-outpatient-hospital", "NCCI MUE, outpatient hospital services"),
    MUE_DME_SUPPLIER("mue-dme-supplier", "NCCI MUE, DME supplier services"),
    NCCI_AOC("ncci-aoc", "NCCI add-on code edits (the CMS workbook or its CSV export)"),
    PTP_PRACTITIONER("ptp-practitioner", "NCCI PTP edits, practitioner (ccipra TXT)"),
    PTP_OUTPATIENT_HOSPITAL("ptp-outpatient-hospital", "NCCI PTP edits, outpatient hospital (ccioph TXT)");

    /** Version and first effective day of a release. */
    public record FileVersion(String version, LocalDate effectiveDate) {
    }

    private static final Pattern MUE_EFF = Pattern.compile("Eff_(\\d{2})-(\\d{2})-(\\d{4})", Pattern.CASE_INSENSITIVE);
    private static final Pattern AOC_V = Pattern.compile("V(\\d{4})Q([1-4])", Pattern.CASE_INSENSITIVE);
    private static final Pattern PTP_V = Pattern.compile("v(\\d{2})(\\d)r(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern RVU_V = Pattern.compile("PPRRVU(\\d{4})_?([A-Za-z]{3})", Pattern.CASE_INSENSITIVE);
    private static final Pattern GPCI_V = Pattern.compile("GPCI(\\d{4})", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCCO_V = Pattern.compile("(\\d{2})LOCCO", Pattern.CASE_INSENSITIVE);

    private final String id;
    private final String description;

    EditDataset(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public static Optional<EditDataset> fromId(String id) {
        return Arrays.stream(values()).filter(d -> d.id.equalsIgnoreCase(id == null ? "" : id.trim())).findFirst();
    }

    public static EditDataset mue(CareSetting setting) {
        return switch (setting) {
            case PRACTITIONER -> MUE_PRACTITIONER;
            case OUTPATIENT_HOSPITAL -> MUE_OUTPATIENT_HOSPITAL;
            case DME_SUPPLIER -> MUE_DME_SUPPLIER;
        };
    }

    public CareSetting setting() {
        return switch (this) {
            case MUE_PRACTITIONER, PTP_PRACTITIONER -> CareSetting.PRACTITIONER;
            case MUE_OUTPATIENT_HOSPITAL, PTP_OUTPATIENT_HOSPITAL -> CareSetting.OUTPATIENT_HOSPITAL;
            case MUE_DME_SUPPLIER -> CareSetting.DME_SUPPLIER;
            default -> null;
        };
    }

    /** Version and effective date from an official file name, when it carries them. */
    public Optional<FileVersion> versionFromFileName(String fileName) {
        Matcher m;
        switch (this) {
            case MUE_PRACTITIONER, MUE_OUTPATIENT_HOSPITAL, MUE_DME_SUPPLIER -> {
                m = MUE_EFF.matcher(fileName);
                if (m.find()) {
                    LocalDate eff = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)),
                            Integer.parseInt(m.group(2)));
                    return Optional.of(new FileVersion(eff.getYear() + "Q" + ((eff.getMonthValue() - 1) / 3 + 1), eff));
                }
            }
            case NCCI_AOC -> {
                m = AOC_V.matcher(fileName);
                if (m.find()) {
                    int year = Integer.parseInt(m.group(1));
                    int quarter = Integer.parseInt(m.group(2));
                    return Optional.of(new FileVersion(year + "Q" + quarter, LocalDate.of(year, quarter * 3 - 2, 1)));
                }
            }
            case PTP_PRACTITIONER, PTP_OUTPATIENT_HOSPITAL -> {
                // NCCI version 32.1 = 2026 Q2: the major number counts years from 1994, the minor one quarters from 0.
                m = PTP_V.matcher(fileName);
                if (m.find() && Integer.parseInt(m.group(2)) <= 3) {
                    int year = 1994 + Integer.parseInt(m.group(1));
                    int quarter = Integer.parseInt(m.group(2)) + 1;
                    return Optional.of(new FileVersion(("v" + m.group(1) + m.group(2) + "r" + m.group(3))
                            .toLowerCase(Locale.ROOT), LocalDate.of(year, quarter * 3 - 2, 1)));
                }
            }
            case MPFS_RVU -> {
                m = RVU_V.matcher(fileName);
                if (m.find()) {
                    Month month = monthOf(m.group(2));
                    if (month != null) {
                        int year = Integer.parseInt(m.group(1));
                        char letter = (char) ('A' + (month.getValue() - 1) / 3);
                        return Optional.of(new FileVersion("RVU" + (year % 100) + letter,
                                LocalDate.of(year, month, 1)));
                    }
                }
            }
            case MPFS_GPCI -> {
                m = GPCI_V.matcher(fileName);
                if (m.find()) {
                    int year = Integer.parseInt(m.group(1));
                    return Optional.of(new FileVersion(String.valueOf(year), LocalDate.of(year, 1, 1)));
                }
            }
            case MPFS_LOCALITY -> {
                m = LOCCO_V.matcher(fileName);
                if (m.find()) {
                    int year = 2000 + Integer.parseInt(m.group(1));
                    return Optional.of(new FileVersion(String.valueOf(year), LocalDate.of(year, 1, 1)));
                }
            }
        }
        return Optional.empty();
    }

    private static Month monthOf(String abbreviation) {
        return Arrays.stream(Month.values())
                .filter(mo -> mo.name().substring(0, 3).equalsIgnoreCase(abbreviation)).findFirst().orElse(null);
    }
}
