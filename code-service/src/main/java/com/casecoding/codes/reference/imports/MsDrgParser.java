package com.casecoding.codes.reference.imports;

import com.casecoding.codes.imports.SourceLines;
import com.casecoding.common.codes.CodeSystem;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the text appendices of the CMS MS-DRG Definitions Manual as the manual lays them out.
 * <ul>
 * <li>Appendix A (list of MS-DRGs): title lines, then the column header {@code DRG MDC MS Description}, then one line
 * per DRG: columns 1-3 the DRG number, 5-6 the MDC (blank for pre-MDC DRGs such as 014), 9 {@code M} medical or
 * {@code P} surgical (blank for 998/999), 12 to the end the title.</li>
 * <li>Appendices G (CC list) and H (MCC list): a boxed title {@code | Appendix G ... |}, explanatory text at column 1,
 * then one line per diagnosis indented by two spaces: the ICD-10-CM code without its dot, spaces, its title. Appendix
 * H's "Part 2" heading starts the codes that are an MCC only when the patient is discharged alive.</li>
 * <li>Appendix I (Hospital-Acquired Conditions): {@code HAC nn: TITLE} headings, each followed by criteria lists
 * introduced by upper-case headings ({@code SECONDARY DIAGNOSIS}, {@code PROCEDURES}, {@code PRINCIPAL DIAGNOSES},
 * {@code NON-OPERATING ROOM PROCEDURES}, ...; a list after {@code AND} is a further criterion) whose lines are a code
 * (a {@code *} after a procedure code marks a non-operating-room procedure), for diagnoses the CC/MCC designation,
 * and the title.</li>
 * </ul>
 * Other appendices in the same files (F and any other) are skipped.
 */
final class MsDrgParser {

    interface Sink {
        void drg(int drg, String mdc, Character type, String title) throws Exception;

        void severity(String code, String level, boolean aliveOnly, String title) throws Exception;

        void hac(String hac, String hacTitle, int criterion, String part, CodeSystem system, String code,
                 String severity, boolean nonOr) throws Exception;
    }

    private MsDrgParser() {
    }

    /** Appendix A; returns the number of DRGs. */
    static int appendixA(SourceLines lines, Sink sink) throws Exception {
        String line;
        boolean header = false;
        int count = 0;
        Map<Integer, Long> seen = new HashMap<>();
        while ((line = lines.next()) != null) {
            if (!header) {
                String t = line.strip().toUpperCase(Locale.ROOT);
                header = t.startsWith("DRG") && t.contains("MDC") && t.contains("DESCRIPTION");
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            if (line.length() < 12 || !digits(line, 0, 3) || line.charAt(3) != ' ' || line.charAt(6) != ' '
                    || line.charAt(7) != ' ' || line.charAt(9) != ' ' || line.charAt(10) != ' ') {
                throw lines.malformed("not an Appendix A line (DRG in columns 1-3, MDC 5-6, M/P in 9, title from 12)");
            }
            int drg = Integer.parseInt(line.substring(0, 3));
            String mdc = line.substring(4, 6).strip();
            if (!mdc.isEmpty() && !(mdc.length() == 2 && digits(mdc, 0, 2))) {
                throw lines.malformed("MDC '" + mdc + "' is not a two-digit number");
            }
            char t = line.charAt(8);
            if (t != 'M' && t != 'P' && t != ' ') {
                throw lines.malformed("column 9 must be M (medical) or P (surgical), found '" + t + "'");
            }
            String title = line.substring(11).strip();
            if (title.isEmpty() || drg == 0) {
                throw lines.malformed(drg == 0 ? "DRG 000 does not exist" : "DRG " + drg + " has no title");
            }
            Long earlier = seen.putIfAbsent(drg, lines.lineNumber());
            if (earlier != null) {
                throw lines.malformed("DRG " + line.substring(0, 3) + " is listed twice (also line " + earlier + ")");
            }
            sink.drg(drg, mdc.isEmpty() ? null : mdc, t == ' ' ? null : t, title);
            count++;
        }
        if (!header) {
            throw lines.malformed("no 'DRG MDC MS Description' column header: not Appendix A");
        }
        if (count == 0) {
            throw lines.malformed("Appendix A lists no DRG");
        }
        return count;
    }

    /** Appendices G, H and I wherever they are in the file; returns the number of rows handed to the sink. */
    static int severityAndHac(SourceLines lines, Sink sink) throws Exception {
        char appendix = 0;
        boolean part2 = false;
        String hac = null;
        String hacTitle = null;
        String part = null;
        int criterion = 0;
        boolean afterAnd = false;
        int rows = 0;
        Map<String, Character> listed = new HashMap<>();
        String line;
        while ((line = lines.next()) != null) {
            String stripped = line.strip();
            if (stripped.startsWith("|") && stripped.endsWith("|") && stripped.contains("Appendix ")) {
                int at = stripped.indexOf("Appendix ") + 9;
                appendix = at < stripped.length() ? stripped.charAt(at) : 0;
                part2 = false;
                hac = null;
                part = null;
                continue;
            }
            if (stripped.isEmpty() || stripped.startsWith(":") && stripped.endsWith(":")) {
                continue;
            }
            switch (appendix) {
                case 'G', 'H' -> {
                    if (appendix == 'H' && stripped.startsWith("Appendix H Part 2")) {
                        part2 = true;
                        continue;
                    }
                    if (!line.startsWith("  ")) {
                        continue; // explanatory text at column 1
                    }
                    String[] cols = splitCodeLine(stripped);
                    char list = appendix;
                    String code = CodeSystem.ICD10CM.normalize(cols[0]).orElseThrow(() -> lines.malformed(
                            "'" + cols[0] + "' is not an ICD-10-CM code (Appendix " + list + ")"));
                    String level = appendix == 'G' ? "cc" : "mcc";
                    Character before = listed.get(code);
                    if (before != null && !(part2 && before == 'H')) {
                        throw lines.malformed(code + " is listed twice (Appendix " + before + " and " + appendix
                                + ")");
                    }
                    listed.put(code, appendix);
                    sink.severity(code, level, part2, cols[1].isEmpty() ? null : cols[1]);
                    rows++;
                }
                case 'I' -> {
                    if (stripped.startsWith("HAC ") && stripped.indexOf(':') > 4) {
                        int colon = stripped.indexOf(':');
                        hac = stripped.substring(4, colon).strip();
                        hacTitle = stripped.substring(colon + 1).strip();
                        criterion = 0;
                        part = null;
                        afterAnd = true;
                        continue;
                    }
                    if (hac == null) {
                        continue;
                    }
                    if (stripped.equals("AND")) {
                        afterAnd = true;
                        continue;
                    }
                    String first = stripped.split(" ", 2)[0];
                    boolean codeLine = isCodeToken(first);
                    if (!codeLine) {
                        if (!stripped.equals(stripped.toUpperCase(Locale.ROOT))) {
                            throw lines.malformed("expected a code line or an upper-case list heading under HAC " + hac);
                        }
                        if (afterAnd) {
                            criterion++;
                            afterAnd = false;
                        }
                        part = stripped;
                        continue;
                    }
                    if (part == null) {
                        throw lines.malformed("a code under HAC " + hac + " before any list heading");
                    }
                    boolean procedure = part.contains("PROCEDURE");
                    String currentHac = hac;
                    boolean nonOr = first.endsWith("*");
                    String raw = nonOr ? first.substring(0, first.length() - 1) : first;
                    CodeSystem system = procedure ? CodeSystem.ICD10PCS : CodeSystem.ICD10CM;
                    String code = system.normalize(raw).orElseThrow(() -> lines.malformed("'" + raw + "' is not an "
                            + system.label() + " code (HAC " + currentHac + ")"));
                    String rest = stripped.substring(first.length()).strip();
                    String severity = null;
                    if (rest.startsWith("MCC ")) {
                        severity = "mcc";
                    } else if (rest.startsWith("CC ")) {
                        severity = "cc";
                    }
                    sink.hac(hac, hacTitle, Math.max(criterion, 1), part, system, code, severity, nonOr);
                    rows++;
                }
                default -> {
                    // Appendix F and any other appendix: not read
                }
            }
        }
        return rows;
    }

    /** Code and title of an indented list line ("A000    Cholera due to ..."). */
    private static String[] splitCodeLine(String stripped) {
        int space = stripped.indexOf(' ');
        if (space < 0) {
            return new String[]{stripped, ""};
        }
        return new String[]{stripped.substring(0, space), stripped.substring(space).strip()};
    }

    /** A token made of letters and digits (with a trailing * for non-OR procedures) that holds a digit. */
    private static boolean isCodeToken(String token) {
        String t = token.endsWith("*") ? token.substring(0, token.length() - 1) : token;
        if (t.length() < 3 || t.length() > 7) {
            return false;
        }
        boolean digit = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return digit;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
