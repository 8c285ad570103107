package com.casecoding.codes.imports.codesets;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads release facts from the names CMS/CDC give their files and folders. */
final class ReleaseNames {

    private static final Pattern FY_FOLDER = Pattern.compile("(?i)FY ?(\\d{4})");
    private static final Pattern APRIL_FOLDER = Pattern.compile("(?i)(^|[^a-z])apr(il)?([^a-z]|$)");

    /** How a file name marks the April 1 update of a fiscal year ({@code icd10cm_order_2024_april.txt}). */
    static final String APRIL_SUFFIX = "[_-]?(?:april|apr)(?:[_-]?update)?";

    /** The version suffix of an April 1 update ({@code FY2024-APR}). */
    static final String APRIL = "-APR";

    private ReleaseNames() {
    }

    /** Lower-case file name without a trailing {@code .gz}. */
    static String baseName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }

    /** US federal fiscal year {@code fy} starts on October 1 of the year before. */
    static LocalDate fiscalYearStart(int fy) {
        return LocalDate.of(fy - 1, 10, 1);
    }

    static String fiscalYear(int fy) {
        return "FY" + fy;
    }

    /** The April 1 update of fiscal year {@code fy} applies from April 1 of that year to its September 30. */
    static LocalDate aprilUpdateStart(int fy) {
        return LocalDate.of(fy, 4, 1);
    }

    /** True when the file's folder names an April update ({@code .../FY2024-April/icd10cm_order_2024.txt}). */
    static boolean aprilUpdateFolder(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        return dir != null && dir.getFileName() != null && APRIL_FOLDER.matcher(dir.getFileName().toString()).find();
    }

    /** The fiscal year named by a folder on the way up ({@code .../FY2018/gem_i9pcs.txt}). */
    static Optional<Integer> fiscalYearFromFolders(Path file) {
        return yearFromFolders(file, FY_FOLDER);
    }

    /** The first group of {@code pattern} (a year) in the nearest folder name on the way up that has one. */
    static Optional<Integer> yearFromFolders(Path file, Pattern pattern) {
        for (Path dir = file.toAbsolutePath().getParent(); dir != null && dir.getFileName() != null;
             dir = dir.getParent()) {
            Matcher m = pattern.matcher(dir.getFileName().toString());
            if (m.find()) {
                return Optional.of(Integer.parseInt(m.group(1)));
            }
        }
        return Optional.empty();
    }

    /** A sibling named {@code name} or {@code name.gz}, whichever exists. */
    static Optional<Path> sibling(Path file, String name) {
        Path dir = file.toAbsolutePath().getParent();
        for (String candidate : new String[]{name, name + ".gz"}) {
            Path p = dir.resolve(candidate);
            if (java.nio.file.Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    static Matcher match(String regex, String name) {
        return Pattern.compile(regex).matcher(name);
    }
}
