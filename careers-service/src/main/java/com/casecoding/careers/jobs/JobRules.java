package com.casecoding.careers.jobs;

import com.casecoding.careers.web.Violations;
import com.casecoding.careers.config.CareersConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The rules a posting must meet beyond field shapes: vocabularies, salary sanity, apply URL, dates. */
@ApplicationScoped
public class JobRules {

    private static final BigDecimal MAX_HOURLY = new BigDecimal("1000");
    private static final BigDecimal MAX_YEARLY = new BigDecimal("5000000");

    @Inject
    CareersConfig config;

    Clock clock = Clock.systemUTC();

    public void check(JobRequest r) {
        Violations v = new Violations();
        vocabulary(v, "credentialsRequired", r.credentialsRequired(), true);
        vocabulary(v, "credentialsPreferred", r.credentialsPreferred(), true);
        vocabulary(v, "specialties", r.specialties(), false);
        if (r.credentialsRequired() != null && r.credentialsPreferred() != null) {
            for (String c : r.credentialsPreferred()) {
                if (r.credentialsRequired().contains(c)) {
                    v.add("credentialsPreferred", "must not repeat a required credential (" + c + ")");
                }
            }
        }
        String country = r.location().country() == null ? "US" : r.location().country();
        if ("US".equals(country) && r.location().state() != null && !Vocabulary.isState(r.location().state())) {
            v.add("location.state", "must be a US state code such as TN");
        }
        if (r.workplace() != Workplace.REMOTE && (blank(r.location().city()) || r.location().state() == null)) {
            v.add("location", "must have a city and state for " + r.workplace() + " jobs");
        }
        if (r.remoteStates() != null && !r.remoteStates().isEmpty()) {
            if (r.workplace() != Workplace.REMOTE) {
                v.add("remoteStates", "is only for remote jobs");
            }
            for (int i = 0; i < r.remoteStates().size(); i++) {
                if (!Vocabulary.isState(r.remoteStates().get(i))) {
                    v.add("remoteStates[" + i + "]", "must be a US state code such as TX");
                }
            }
        }
        JobRequest.Salary s = r.salary();
        if (s != null && s.min() != null && s.max() != null && s.period() != null) {
            if (s.min().compareTo(s.max()) > 0) {
                v.add("salary.min", "must not be greater than salary.max");
            }
            BigDecimal cap = s.period() == SalaryPeriod.HOUR ? MAX_HOURLY : MAX_YEARLY;
            if (s.max().compareTo(cap) > 0) {
                v.add("salary.max", "must be at most " + cap.toPlainString() + " per " + s.period());
            }
            if (s.max().scale() > 2 || s.min().scale() > 2) {
                v.add("salary", "must have at most two decimals");
            }
        }
        JobRequest.Apply a = r.apply();
        if (a.method() == ApplyMethod.EXTERNAL && !Violations.isWebUrl(a.url())) {
            v.add("apply.url", "must be an http(s) URL when apply.method is external");
        }
        if (a.method() == ApplyMethod.BOARD && a.url() != null) {
            v.add("apply.url", "must be empty when coders apply on the board");
        }
        if (r.validThrough() != null) {
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            if (!r.validThrough().isAfter(today)) {
                v.add("validThrough", "must be a future date");
            } else if (r.validThrough().isAfter(today.plusDays(config.maxValidDays()))) {
                v.add("validThrough", "must be within " + config.maxValidDays() + " days");
            }
        }
        v.throwIfAny();
    }

    private static void vocabulary(Violations v, String field, List<String> values, boolean credentials) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null) {
                continue;
            }
            boolean known = credentials ? Vocabulary.isCredential(value) : Vocabulary.isSpecialty(value);
            if (!known) {
                v.add(field + "[" + i + "]", "must be one of " + String.join(", ",
                        (credentials ? Vocabulary.CREDENTIALS : Vocabulary.SPECIALTIES).keySet()));
            }
        }
        if (values.stream().distinct().count() != values.size()) {
            v.add(field, "must not list a value twice");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
