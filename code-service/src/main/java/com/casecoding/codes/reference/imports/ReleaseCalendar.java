package com.casecoding.codes.reference.imports;

import com.casecoding.codes.reference.MsDrgVersion;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Release facts read from the publishers' file names and their calendars: CMS-HCC format files name the model version
 * and the payment year (risk scores for payment year N use diagnoses from dates of service in N-1); MS-DRG version N
 * is the grouper of federal fiscal year 1983 + N (v33 = FY2016, the first ICD-10 version), effective October 1,
 * and a ".1" version is the April 1 update inside that year; ICD-10-CM files are per fiscal year.
 */
public final class ReleaseCalendar {

    /** CMS-HCC format file: F + model version (2 digits) + payment year (2 digits) + CMS's release id, e.g. F2824T1N. */
    private static final Pattern HCC_FORMAT = Pattern.compile("F(\\d{2})(\\d{2})([A-Z0-9]{1,4})(?:_([A-Z0-9]{1,12}))?");
    private static final Pattern DRG_VERSION = Pattern.compile("(?i)version\\s+(\\d{2,3})\\.(\\d)");
    private static final Pattern DRG_FOLDER = Pattern.compile("(?i)(?:^|[^a-z0-9])v(\\d{2,3})(?:[._](\\d))?(?:$|[^0-9])");
    private static final Pattern YEAR_MONTH = Pattern.compile("(?:^|[^0-9])(20\\d{2})[-_]?(0[1-9]|1[0-2])?(?:$|[^0-9])");

    private ReleaseCalendar() {
    }

    /** A CMS-HCC format file's name read: model version, payment year and CMS's release id ({@code T1N}). */
    public record HccFormatFile(int model, int paymentYear, String releaseId, String tag, String name) {

        public String dataset() {
            return com.casecoding.codes.reference.ReferenceDatasets.hcc(model);
        }

        /** {@code PY2024-T1N}: payment year first, so releases of a model sort by year, then by CMS's release id. */
        public String version() {
            return "PY" + paymentYear + "-" + releaseId + (tag == null ? "" : "_" + tag);
        }

        public LocalDate effectiveDate() {
            return LocalDate.of(paymentYear, 1, 1);
        }
    }

    /** Upper-case file name without {@code .gz}. */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        return name;
    }

    public static Optional<HccFormatFile> hccFormatFile(Path file) {
        String name = stem(file);
        int dot = name.lastIndexOf('.');
        if (dot < 0 || !name.substring(dot + 1).equalsIgnoreCase("txt")) {
            return Optional.empty();
        }
        String base = name.substring(0, dot).toUpperCase(Locale.ROOT);
        Matcher m = HCC_FORMAT.matcher(base);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new HccFormatFile(Integer.parseInt(m.group(1)), 2000 + Integer.parseInt(m.group(2)),
                m.group(3), m.group(4), base));
    }

    public static Optional<MsDrgVersion> drgVersionInTitle(String line) {
        Matcher m = DRG_VERSION.matcher(line);
        return m.find() ? Optional.of(new MsDrgVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    public static Optional<MsDrgVersion> drgVersionInFolders(Path file) {
        for (Path dir = file.toAbsolutePath().getParent(); dir != null && dir.getFileName() != null;
             dir = dir.getParent()) {
            Matcher m = DRG_FOLDER.matcher(dir.getFileName().toString());
            if (m.find()) {
                return Optional.of(new MsDrgVersion(Integer.parseInt(m.group(1)),
                        m.group(2) == null ? 0 : Integer.parseInt(m.group(2))));
            }
        }
        return Optional.empty();
    }

    /** A year and optional month in the file name or, failing that, its folder ({@code 2022-01}, {@code 202201}). */
    public static Optional<LocalDate> dateInNameOrFolder(Path file) {
        Path abs = file.toAbsolutePath();
        Optional<LocalDate> inName = yearMonth(stem(file));
        if (inName.isPresent()) {
            return inName;
        }
        return abs.getParent() == null || abs.getParent().getFileName() == null ? Optional.empty()
                : yearMonth(abs.getParent().getFileName().toString());
    }

    private static Optional<LocalDate> yearMonth(String text) {
        Matcher m = YEAR_MONTH.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), m.group(2) == null ? 1
                : Integer.parseInt(m.group(2)), 1));
    }

    /** US federal fiscal year {@code fy} starts on October 1 of the year before. */
    public static LocalDate fiscalYearStart(int fy) {
        return LocalDate.of(fy - 1, 10, 1);
    }
}
