package com.casecoding.careers.web;

import com.casecoding.common.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Parses the query parameters libs/common does not cover (dates, enum values, repeated lists) by hand, so that a
 * malformed value is a 400 naming the parameter (JAX-RS would answer a failed conversion of a query parameter with
 * 404). Numbers, booleans and paging are read with {@link com.casecoding.common.list.QueryValues} and
 * {@link com.casecoding.common.list.Paging}.
 */
public final class Params {

    private Params() {
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
