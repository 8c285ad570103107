package com.casecoding.codes.imports.edits;

import com.casecoding.codes.edits.EditDataset;
import com.casecoding.codes.imports.CopyWriter;
import com.casecoding.codes.imports.DatasetImporter;
import com.casecoding.codes.imports.ImportContext;
import com.casecoding.codes.imports.MalformedFileException;
import com.casecoding.codes.imports.SourceFile;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Plugs the payment and NCCI edit files into the import framework: recognizes the official file names, parses the
 * whole file with the layout parser (a layout error refuses the file with file, line and reason), then COPYs the
 * rows. The parts of a PTP release ({@code ccipra-v321r0-f1..f4.TXT}) are one release: the lowest part present is the
 * primary file, the others its companions.
 */
@ApplicationScoped
public class EditImporter implements DatasetImporter {

    private static final Pattern MUE = Pattern.compile(
            "MCR_MUE_(PractitionerServices|OutpatientHospitalServices|DMESupplierServices)_Eff_\\d{2}-\\d{2}-\\d{4}\\.csv",
            Pattern.CASE_INSENSITIVE);
    /** The CMS workbook ({@code .xlsx}, as published) or a CSV export of its sheet. */
    private static final Pattern AOC = Pattern.compile("AOC_V\\d{4}Q[1-4]-MCR\\.(csv|xlsx)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PTP = Pattern.compile("(ccipra|ccioph)-(v\\d{3}r\\d+)-f(\\d+)\\.txt",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RVU = Pattern.compile("PPRRVU\\d{4}_?[A-Za-z]{3}[^/]*\\.csv(\\.gz)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GPCI = Pattern.compile("GPCI\\d{4}\\.txt", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCCO = Pattern.compile("\\d{2}LOCCO\\.txt", Pattern.CASE_INSENSITIVE);

    @Override
    public int order() {
        return 300;
    }

    @Override
    public Optional<SourceFile> recognize(Path file) {
        String name = file.getFileName().toString();
        EditDataset dataset = null;
        List<Path> companions = List.of();
        Matcher m;
        if ((m = MUE.matcher(name)).matches()) {
            String kind = m.group(1).toLowerCase(Locale.ROOT);
            dataset = kind.startsWith("practitioner") ? EditDataset.MUE_PRACTITIONER
                    : kind.startsWith("outpatient") ? EditDataset.MUE_OUTPATIENT_HOSPITAL : EditDataset.MUE_DME_SUPPLIER;
        } else if ((m = AOC.matcher(name)).matches()) {
            if (m.group(1).equalsIgnoreCase("csv") && workbookBeside(file)) {
                return Optional.empty(); // the export of a workbook that is here too: the workbook is read
            }
            dataset = EditDataset.NCCI_AOC;
        } else if ((m = PTP.matcher(name)).matches()) {
            dataset = m.group(1).equalsIgnoreCase("ccipra") ? EditDataset.PTP_PRACTITIONER
                    : EditDataset.PTP_OUTPATIENT_HOSPITAL;
            List<Path> parts = ptpParts(file, m.group(1), m.group(2));
            if (parts.isEmpty() || !parts.get(0).equals(file)) {
                return Optional.empty(); // a later part: imported as a companion of the first one
            }
            companions = parts.subList(1, parts.size());
        } else if (RVU.matcher(name).matches()) {
            dataset = EditDataset.MPFS_RVU;
        } else if (GPCI.matcher(name).matches()) {
            dataset = EditDataset.MPFS_GPCI;
        } else if (LOCCO.matcher(name).matches()) {
            dataset = EditDataset.MPFS_LOCALITY;
        }
        if (dataset == null) {
            return Optional.empty();
        }
        EditDataset d = dataset;
        List<Path> c = companions;
        return dataset.versionFromFileName(name)
                .map(v -> new SourceFile(d.id(), v.version(), v.effectiveDate(), file, c,
                        c.isEmpty() ? null : (c.size() + 1) + " parts"));
    }

    /** True when the CMS workbook the CSV was exported from lies in the same folder. */
    private static boolean workbookBeside(Path csv) {
        String name = csv.getFileName().toString();
        String base = name.substring(0, name.length() - ".csv".length());
        Path dir = csv.toAbsolutePath().getParent();
        try (Stream<Path> list = Files.list(dir)) {
            return list.anyMatch(p -> p.getFileName().toString().equalsIgnoreCase(base + ".xlsx"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Every part of the same PTP release in the file's folder, in part order. */
    private static List<Path> ptpParts(Path file, String prefix, String version) {
        Path dir = file.toAbsolutePath().getParent();
        List<Path> parts = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> {
                Matcher m = PTP.matcher(p.getFileName().toString());
                return m.matches() && m.group(1).equalsIgnoreCase(prefix) && m.group(2).equalsIgnoreCase(version);
            }).sorted((a, b) -> Integer.compare(part(a), part(b))).forEach(parts::add);
        } catch (IOException e) {
            return List.of();
        }
        Path self = file.toAbsolutePath();
        return parts.stream().map(Path::toAbsolutePath).map(p -> p.equals(self) ? file : p).toList();
    }

    private static int part(Path p) {
        Matcher m = PTP.matcher(p.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(3)) : Integer.MAX_VALUE;
    }

    @Override
    public long importFile(SourceFile source, ImportContext ctx) throws Exception {
        EditDataset dataset = EditDataset.fromId(source.dataset()).orElseThrow();
        List<Path> files = new ArrayList<>();
        files.add(source.file());
        files.addAll(source.companions());
        long rows = 0;
        for (Path file : files) {
            List<?> parsed;
            String name = file.getFileName().toString();
            if (name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                parsed = AocParser.parse(XlsxSheet.firstSheet(file), name); // only the AOC edits come as a workbook
            } else {
                try (Reader in = open(file)) {
                    parsed = parse(dataset, name, in);
                }
            }
            rows += write(dataset, parsed, ctx, rows);
        }
        return rows;
    }

    private static Reader open(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        InputStream in = Files.newInputStream(file);
        if (name.endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16);
    }

    /** Parses a whole file of the dataset's layout; throws {@link MalformedFileException} on the first bad line. */
    static List<?> parse(EditDataset dataset, String fileName, Reader in) {
        return switch (dataset) {
            case MPFS_RVU -> RvuParser.parse(in, fileName);
            case MPFS_GPCI -> GpciParser.parse(in, fileName);
            case MPFS_LOCALITY -> LocalityParser.parse(in, fileName);
            case MUE_PRACTITIONER, MUE_OUTPATIENT_HOSPITAL, MUE_DME_SUPPLIER ->
                    MueParser.parse(in, fileName, dataset.setting());
            case NCCI_AOC -> AocParser.parse(in, fileName);
            case PTP_PRACTITIONER, PTP_OUTPATIENT_HOSPITAL -> PtpParser.parse(in, fileName);
        };
    }

    private static long write(EditDataset dataset, List<?> rows, ImportContext ctx, long before) throws SQLException {
        long id = ctx.releaseId();
        long n = before;
        switch (dataset) {
            case MPFS_RVU -> {
                try (CopyWriter w = ctx.copy("codes.mpfs_rvu", "release_id", "hcpcs", "modifier", "status_code",
                        "not_used_medicare", "work_rvu", "nonfac_pe_rvu", "nonfac_na", "fac_pe_rvu", "fac_na", "mp_rvu",
                        "pctc_ind", "global_days", "pre_op", "intra_op", "post_op", "mult_proc", "bilat_surg",
                        "asst_surg", "co_surg", "team_surg", "endo_base", "conv_factor", "phys_supervision")) {
                    for (Object o : rows) {
                        RvuParser.Row r = (RvuParser.Row) o;
                        w.row(id, r.hcpcs(), r.modifier(), r.status(), r.notUsedForMedicare(), r.work(),
                                r.nonFacilityPe(), r.nonFacilityNa(), r.facilityPe(), r.facilityNa(), r.mp(), r.pctc(),
                                r.globalDays(), r.preOp(), r.intraOp(), r.postOp(), r.multipleProcedure(),
                                r.bilateral(), r.assistant(), r.coSurgeon(), r.team(), r.endoBase(),
                                r.conversionFactor(), r.physicianSupervision());
                        ctx.progress(++n);
                    }
                }
            }
            case MPFS_GPCI -> {
                try (CopyWriter w = ctx.copy("codes.mpfs_gpci", "release_id", "mac", "state", "locality",
                        "locality_name", "work_gpci", "pe_gpci", "mp_gpci")) {
                    for (Object o : rows) {
                        GpciParser.Row r = (GpciParser.Row) o;
                        w.row(id, r.mac(), r.state(), r.locality(), r.name(), r.work(), r.pe(), r.mp());
                        ctx.progress(++n);
                    }
                }
            }
            case MPFS_LOCALITY -> {
                try (CopyWriter w = ctx.copy("codes.mpfs_locality_county", "release_id", "line_no", "mac",
                        "locality", "state", "fee_schedule_area", "counties")) {
                    for (Object o : rows) {
                        LocalityParser.Row r = (LocalityParser.Row) o;
                        w.row(id, r.line(), r.mac(), r.locality(), r.state(), r.area(), r.counties());
                        ctx.progress(++n);
                    }
                }
            }
            case MUE_PRACTITIONER, MUE_OUTPATIENT_HOSPITAL, MUE_DME_SUPPLIER -> {
                try (CopyWriter w = ctx.copy("codes.ncci_mue", "release_id", "code", "mue_value", "mai",
                        "rationale")) {
                    for (Object o : rows) {
                        MueParser.Row r = (MueParser.Row) o;
                        w.row(id, r.code(), r.value(), r.mai(), r.rationale());
                        ctx.progress(++n);
                    }
                }
            }
            case NCCI_AOC -> {
                try (CopyWriter w = ctx.copy("codes.ncci_aoc", "release_id", "line_no", "edit_type", "addon_code",
                        "addon_deleted", "primary_code", "primary_deleted", "effective_date", "deletion_date",
                        "notes")) {
                    for (Object o : rows) {
                        AocParser.Row r = (AocParser.Row) o;
                        w.row(id, r.line(), r.type(), r.addOn(), r.addOnDeleted(), r.primary(), r.primaryDeleted(),
                                r.effective(), r.deleted(), r.notes());
                        ctx.progress(++n);
                    }
                }
            }
            case PTP_PRACTITIONER, PTP_OUTPATIENT_HOSPITAL -> {
                try (CopyWriter w = ctx.copy("codes.ncci_ptp", "release_id", "line_no", "column1", "column2",
                        "before_1996", "effective_date", "deletion_date", "modifier_ind", "rationale")) {
                    for (Object o : rows) {
                        PtpParser.Row r = (PtpParser.Row) o;
                        // line numbers restart in each part: keep them unique within the release
                        w.row(id, n + 1, r.column1(), r.column2(), r.before1996(), r.effective(), r.deleted(),
                                r.modifierIndicator(), r.rationale());
                        ctx.progress(++n);
                    }
                }
            }
        }
        return n - before;
    }
}
