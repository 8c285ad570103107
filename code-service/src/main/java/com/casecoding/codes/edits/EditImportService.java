package com.casecoding.codes.edits;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Imports one official payment or edit file as a release: checksum first (the same file again changes nothing),
 * then the whole file is parsed (a malformed file is refused with file, line and reason before anything is
 * written), then the release row and all its rows are written with COPY in one transaction, and the in-memory
 * tables are reloaded.
 */
@ApplicationScoped
public class EditImportService {

    private static final Logger LOG = Logger.getLogger(EditImportService.class);

    /** What an import did. {@code created} is false when the same file had already been imported. */
    public record ImportOutcome(String dataset, long releaseId, String version, LocalDate effectiveDate,
                                String sourceFile, String sha256, int rows, boolean created, long millis) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EditTables tables;

    public ImportOutcome importFile(EditDataset dataset, Path file) {
        return importFile(dataset, file, null, null);
    }

    /**
     * @param version       release version, or null to read it from the official file name
     * @param effectiveDate first day the release applies, or null to read it from the file name
     * @throws FileLayoutException when the file does not follow its layout; nothing is kept
     */
    public ImportOutcome importFile(EditDataset dataset, Path file, String version, LocalDate effectiveDate) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return importBytes(dataset, file.getFileName().toString(), bytes, version, effectiveDate);
    }

    public ImportOutcome importBytes(EditDataset dataset, String fileName, byte[] bytes, String version,
                                     LocalDate effectiveDate) {
        long start = System.nanoTime();
        String sha = sha256(bytes);
        Optional<ImportOutcome> existing = existing(dataset, sha);
        if (existing.isPresent()) {
            LOG.infof("%s: %s already imported as release %d, nothing changed", dataset.id(), fileName,
                    existing.get().releaseId());
            return existing.get();
        }
        EditDataset.FileVersion fv = resolveVersion(dataset, fileName, version, effectiveDate);
        List<?> rows = parse(dataset, fileName, bytes);
        long releaseId = QuarkusTransaction.requiringNew().call(() -> write(dataset, fileName, sha, fv, rows));
        tables.reload();
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.infof("%s: imported %s (%s, effective %s): %d rows in %d ms", dataset.id(), fileName, fv.version(),
                fv.effectiveDate(), rows.size(), millis);
        return new ImportOutcome(dataset.id(), releaseId, fv.version(), fv.effectiveDate(), fileName, sha,
                rows.size(), true, millis);
    }

    private static EditDataset.FileVersion resolveVersion(EditDataset dataset, String fileName, String version,
                                                          LocalDate effectiveDate) {
        Optional<EditDataset.FileVersion> fromName = dataset.versionFromFileName(fileName);
        String v = version != null && !version.isBlank() ? version.trim()
                : fromName.map(EditDataset.FileVersion::version).orElse(null);
        LocalDate eff = effectiveDate != null ? effectiveDate
                : fromName.map(EditDataset.FileVersion::effectiveDate).orElse(null);
        if (v == null || eff == null) {
            throw new FileLayoutException(fileName, 0,
                    "the file name does not carry the release version and effective date: give them explicitly");
        }
        if (v.length() > 32) {
            throw new FileLayoutException(fileName, 0, "the version is longer than 32 characters");
        }
        return new EditDataset.FileVersion(v, eff);
    }

    static List<?> parse(EditDataset dataset, String fileName, byte[] bytes) {
        try (Reader in = new InputStreamReader(open(bytes), StandardCharsets.ISO_8859_1)) {
            return switch (dataset) {
                case MPFS_RVU -> RvuParser.parse(in, fileName);
                case MPFS_GPCI -> GpciParser.parse(in, fileName);
                case MPFS_LOCALITY -> LocalityParser.parse(in, fileName);
                case MUE_PRACTITIONER, MUE_OUTPATIENT_HOSPITAL, MUE_DME_SUPPLIER ->
                        MueParser.parse(in, fileName, dataset.setting());
                case NCCI_AOC -> AocParser.parse(in, fileName);
                case PTP_PRACTITIONER, PTP_OUTPATIENT_HOSPITAL -> PtpParser.parse(in, fileName);
            };
        } catch (IOException e) {
            throw new FileLayoutException(fileName, 0, "unreadable: " + e.getMessage());
        }
    }

    private static InputStream open(byte[] bytes) throws IOException {
        InputStream raw = new ByteArrayInputStream(bytes);
        boolean gzip = bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
        return gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    private Optional<ImportOutcome> existing(EditDataset dataset, String sha) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, version, effective_date, source_file, row_count "
                     + "from codes.code_release where dataset = ? and source_sha256 = ?")) {
            ps.setString(1, dataset.id());
            ps.setString(2, sha);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ImportOutcome(dataset.id(), rs.getLong(1), rs.getString(2),
                        rs.getDate(3).toLocalDate(), rs.getString(4), sha, rs.getInt(5), false, 0));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("release lookup failed", e);
        }
    }

    private long write(EditDataset dataset, String fileName, String sha, EditDataset.FileVersion fv, List<?> rows)
            throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            long releaseId;
            try (PreparedStatement ps = c.prepareStatement("insert into codes.code_release (dataset, version, "
                    + "effective_date, source_file, source_sha256, row_count) values (?, ?, ?, ?, ?, ?) returning id")) {
                ps.setString(1, dataset.id());
                ps.setString(2, fv.version());
                ps.setDate(3, Date.valueOf(fv.effectiveDate()));
                ps.setString(4, fileName.length() > 400 ? fileName.substring(0, 400) : fileName);
                ps.setString(5, sha);
                ps.setInt(6, rows.size());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    releaseId = rs.getLong(1);
                }
            }
            CopyRows copy = new CopyRows();
            String sql = switch (dataset) {
                case MPFS_RVU -> {
                    for (Object o : rows) {
                        RvuParser.Row r = (RvuParser.Row) o;
                        copy.add(releaseId).add(r.hcpcs()).add(r.modifier()).add(r.status())
                                .add(r.notUsedForMedicare()).add(r.work()).add(r.nonFacilityPe())
                                .add(r.nonFacilityNa()).add(r.facilityPe()).add(r.facilityNa()).add(r.mp())
                                .add(r.pctc()).add(r.globalDays()).add(r.preOp()).add(r.intraOp()).add(r.postOp())
                                .add(r.multipleProcedure()).add(r.bilateral()).add(r.assistant()).add(r.coSurgeon())
                                .add(r.team()).add(r.endoBase()).add(r.conversionFactor())
                                .add(r.physicianSupervision()).end();
                    }
                    yield "mpfs_rvu (release_id, hcpcs, modifier, status_code, not_used_medicare, work_rvu, "
                            + "nonfac_pe_rvu, nonfac_na, fac_pe_rvu, fac_na, mp_rvu, pctc_ind, global_days, pre_op, "
                            + "intra_op, post_op, mult_proc, bilat_surg, asst_surg, co_surg, team_surg, endo_base, "
                            + "conv_factor, phys_supervision)";
                }
                case MPFS_GPCI -> {
                    for (Object o : rows) {
                        GpciParser.Row r = (GpciParser.Row) o;
                        copy.add(releaseId).add(r.mac()).add(r.state()).add(r.locality()).add(r.name())
                                .add(r.work()).add(r.pe()).add(r.mp()).end();
                    }
                    yield "mpfs_gpci (release_id, mac, state, locality, locality_name, work_gpci, pe_gpci, mp_gpci)";
                }
                case MPFS_LOCALITY -> {
                    for (Object o : rows) {
                        LocalityParser.Row r = (LocalityParser.Row) o;
                        copy.add(releaseId).add(r.line()).add(r.mac()).add(r.locality()).add(r.state())
                                .add(r.area()).add(r.counties()).end();
                    }
                    yield "mpfs_locality_county (release_id, line_no, mac, locality, state, fee_schedule_area, counties)";
                }
                case MUE_PRACTITIONER, MUE_OUTPATIENT_HOSPITAL, MUE_DME_SUPPLIER -> {
                    for (Object o : rows) {
                        MueParser.Row r = (MueParser.Row) o;
                        copy.add(releaseId).add(r.code()).add(r.value()).add(r.mai()).add(r.rationale()).end();
                    }
                    yield "ncci_mue (release_id, code, mue_value, mai, rationale)";
                }
                case NCCI_AOC -> {
                    for (Object o : rows) {
                        AocParser.Row r = (AocParser.Row) o;
                        copy.add(releaseId).add(r.line()).add(r.type()).add(r.addOn()).add(r.addOnDeleted())
                                .add(r.primary()).add(r.primaryDeleted()).add(r.effective()).add(r.deleted())
                                .add(r.notes()).end();
                    }
                    yield "ncci_aoc (release_id, line_no, edit_type, addon_code, addon_deleted, primary_code, "
                            + "primary_deleted, effective_date, deletion_date, notes)";
                }
                case PTP_PRACTITIONER, PTP_OUTPATIENT_HOSPITAL -> {
                    for (Object o : rows) {
                        PtpParser.Row r = (PtpParser.Row) o;
                        copy.add(releaseId).add(r.line()).add(r.column1()).add(r.column2()).add(r.before1996())
                                .add(r.effective()).add(r.deleted()).add(r.modifierIndicator()).add(r.rationale())
                                .end();
                    }
                    yield "ncci_ptp (release_id, line_no, column1, column2, before_1996, effective_date, "
                            + "deletion_date, modifier_ind, rationale)";
                }
            };
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + sql + " from stdin", new StringReader(copy.text()));
            return releaseId;
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
