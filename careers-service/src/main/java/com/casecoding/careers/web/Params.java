package com.casecoding.careers.web;

import com.casecoding.common.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Parses query parameters by hand so that a malformed value is a 400 naming the parameter (JAX-RS would answer a
 * failed conversion of a query parameter with 404).
 */
public final class Params {

    private Params() {
    }

    public record Paging(int page, int size) {
    }

    /** A page number at most so large that page x size (the first row) is still an int for every allowed size. */
    public static Paging paging(String page, String size, int defaultSize, int maxSize) {
        int p = integer("page", page, 0, 0, Integer.MAX_VALUE / Math.max(1, maxSize) - 1);
        int s = integer("size", size, defaultSize, 1, maxSize);
        return new Paging(p, s);
    }

    public static Integer optionalInteger(String name, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return integer(name, value, 0, min, max);
    }

    public static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(name, "must be a whole number");
        }
        if (n < min || n > max) {
            throw ProblemException.invalidField(name, "must be between " + min + " and " + max);
        }
        return n;
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be a date like 2026-01-31");
        }
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalidField(name, "must be true or false");
        };
    }

    /** Repeated and comma-separated values alike: {@code ?credential=CPC&credential=CRC} or {@code ?credential=CPC,CRC}. */
    public static List<String> list(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                for (String part : v.split(",")) {
                    if (!part.isBlank() && !out.contains(part.trim())) {
                        out.add(part.trim());
                    }
                }
            }
        }
        return out;
    }

    public static <T> List<T> enums(String name, List<String> values, Function<String, T> of, Object[] allowed) {
        List<T> out = new ArrayList<>();
        for (String v : list(values)) {
            try {
                out.add(of.apply(v));
            } catch (IllegalArgumentException e) {
                List<String> names = new ArrayList<>();
                for (Object a : allowed) {
                    names.add(a.toString());
                }
                throw ProblemException.invalidField(name, "must be one of " + String.join(", ", names));
            }
        }
        return out;
    }

    public static <T> T one(String name, String value, Function<String, T> of, Object[] allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<T> all = enums(name, List.of(value), of, allowed);
        if (all.size() != 1) {
            throw ProblemException.invalidField(name, "must be a single value");
        }
        return all.get(0);
    }
}
