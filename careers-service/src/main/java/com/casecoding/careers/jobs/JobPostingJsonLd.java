package com.casecoding.careers.jobs;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the schema.org {@code JobPosting} JSON-LD of a posting, for websites to embed for job search engines. */
public final class JobPostingJsonLd {

    private JobPostingJsonLd() {
    }

    public static Map<String, Object> of(JobView job, String descriptionHtml) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org/");
        ld.put("@type", "JobPosting");
        ld.put("title", job.title());
        ld.put("description", descriptionHtml);
        ld.put("identifier", Map.of("@type", "PropertyValue", "name", job.employer().name(), "value", String.valueOf(job.id())));
        if (job.publishedAt() != null) {
            ld.put("datePosted", job.publishedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        }
        ld.put("validThrough", job.validThrough().toString());
        ld.put("employmentType", EmploymentType.of(job.employmentType()).schemaOrg());

        Map<String, Object> org = new LinkedHashMap<>();
        org.put("@type", "Organization");
        org.put("name", job.employer().name());
        if (job.employer().website() != null) {
            org.put("sameAs", job.employer().website());
        }
        if (job.employer().logoUrl() != null) {
            org.put("logo", job.employer().logoUrl());
        }
        ld.put("hiringOrganization", org);

        JobRequest.Location loc = job.location();
        if (loc.city() != null || loc.state() != null) {
            Map<String, Object> address = new LinkedHashMap<>();
            address.put("@type", "PostalAddress");
            if (loc.city() != null) {
                address.put("addressLocality", loc.city());
            }
            if (loc.state() != null) {
                address.put("addressRegion", loc.state());
            }
            address.put("addressCountry", loc.country());
            ld.put("jobLocation", Map.of("@type", "Place", "address", address));
        }
        if (Workplace.REMOTE.wire().equals(job.workplace())) {
            ld.put("jobLocationType", "TELECOMMUTE");
            List<Map<String, Object>> where = new ArrayList<>();
            if (job.remoteStates().isEmpty()) {
                where.add(Map.of("@type", "Country", "name", loc.country()));
            } else {
                for (String state : job.remoteStates()) {
                    where.add(Map.of("@type", "State", "name", state));
                }
            }
            ld.put("applicantLocationRequirements", where);
        }

        JobRequest.Salary salary = job.salary();
        if (salary != null) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("@type", "QuantitativeValue");
            value.put("minValue", salary.min());
            value.put("maxValue", salary.max());
            value.put("unitText", salary.period() == SalaryPeriod.HOUR ? "HOUR" : "YEAR");
            ld.put("baseSalary", Map.of("@type", "MonetaryAmount", "currency", salary.currency(), "value", value));
        }
        if (job.experienceYears() > 0) {
            ld.put("experienceRequirements", Map.of("@type", "OccupationalExperienceRequirements",
                    "monthsOfExperience", job.experienceYears() * 12));
        }
        List<String> qualifications = new ArrayList<>();
        if (!job.credentialsRequired().isEmpty()) {
            qualifications.add("Required credentials: " + String.join(", ", job.credentialsRequired()));
        }
        if (!job.credentialsPreferred().isEmpty()) {
            qualifications.add("Preferred credentials: " + String.join(", ", job.credentialsPreferred()));
        }
        if (!qualifications.isEmpty()) {
            ld.put("qualifications", String.join(". ", qualifications) + ".");
        }
        if (!job.specialties().isEmpty()) {
            ld.put("skills", job.specialties().stream().map(s -> Vocabulary.SPECIALTIES.getOrDefault(s, s)).toList());
        }
        ld.put("directApply", ApplyMethod.BOARD == job.apply().method());
        return ld;
    }
}
