package com.casecoding.codes.consult;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text handling for consults: everything is stored as plain text, one line where a line is expected. */
final class PlainText {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
    private static final Pattern ANGLE_ADDRESS = Pattern.compile("<([^<>\\s]+)>");
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern QUOTE_HEADER = Pattern.compile("(?m)^On .{0,300}wrote:\\s*$");

    private PlainText() {
    }

    /** Line ends normalised, control characters (NUL, escapes, ...) removed, trimmed; null stays null. */
    static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String t = raw.replace("\r\n", "\n").replace('\r', '\n');
        return CONTROL.matcher(t).replaceAll("").strip();
    }

    /** One line: every whitespace run (newlines included) becomes one space, so it is safe in a mail header. */
    static String line(String raw) {
        return raw == null ? null : text(raw).replaceAll("\\s+", " ");
    }

    /** The address of a From value such as {@code "Ann Coder" <ann@example.test>}, lower case; empty if none. */
    static Optional<String> address(String from) {
        if (from == null) {
            return Optional.empty();
        }
        Matcher angle = ANGLE_ADDRESS.matcher(from);
        String candidate = angle.find() ? angle.group(1) : from.trim();
        return ADDRESS.matcher(candidate).matches()
                ? Optional.of(candidate.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** An e-mail reply without the quoted earlier message ("On ... wrote:" and the lines starting with '>'). */
    static String withoutQuote(String body) {
        String t = text(body);
        if (t == null) {
            return null;
        }
        Matcher header = QUOTE_HEADER.matcher(t);
        if (header.find()) {
            t = t.substring(0, header.start());
        }
        StringBuilder kept = new StringBuilder();
        for (String l : t.split("\n", -1)) {
            if (!l.startsWith(">")) {
                kept.append(l).append('\n');
            }
        }
        return kept.toString().strip();
    }

    /** Addresses that never get an automatic reply (bounces, robots, lists). */
    static boolean isRobot(String address) {
        String local = address.substring(0, address.indexOf('@'));
        return local.matches("(?i)(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?|notifications?)(\\+.*)?");
    }
}
