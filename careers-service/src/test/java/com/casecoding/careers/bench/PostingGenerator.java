package com.casecoding.careers.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Benchmark data, not a test: inserts N realistic, published job postings (default 10,000) from 250 invented
 * employers into the careers schema of a database that careers-service has already migrated. Earlier benchmark rows
 * (employer ids starting with {@code bench-}) are removed first, so it can be rerun. Uses JDBC batches.
 *
 * <pre>java -cp ... com.casecoding.careers.bench.PostingGenerator [jdbcUrl] [user] [password] [count]</pre>
 */
public final class PostingGenerator {

    static final String[] CREDENTIALS = {"CPC", "CPC-A", "COC", "CIC", "CRC", "CPMA", "CPB", "CDEO", "CCA", "CCS",
            "CCS-P", "RHIT", "RHIA", "CDIP"};
    static final String[] SPECIALTIES = {"em", "surgery", "radiology", "cardiology", "orthopedics", "emergency",
            "anesthesia", "inpatient-drg", "outpatient", "risk-adjustment-hcc", "auditing", "cdi", "oncology",
            "pathology", "behavioral-health", "home-health", "billing"};
    static final String[] STATES = {"AL", "AZ", "CA", "CO", "FL", "GA", "IL", "IN", "KY", "MA", "MD", "MI", "MN",
            "MO", "NC", "NJ", "NY", "OH", "OR", "PA", "SC", "TN", "TX", "UT", "VA", "WA", "WI"};
    static final String[] CITIES = {"Birmingham", "Phoenix", "Sacramento", "Denver", "Tampa", "Atlanta", "Chicago",
            "Indianapolis", "Louisville", "Boston", "Baltimore", "Detroit", "Minneapolis", "St. Louis", "Charlotte",
            "Newark", "Albany", "Columbus", "Portland", "Pittsburgh", "Columbia", "Nashville", "Houston",
            "Salt Lake City", "Richmond", "Seattle", "Madison"};
    static final String[] ROLES = {"Medical Coder", "Coding Specialist", "Inpatient Coder", "Outpatient Coder",
            "Risk Adjustment Coder", "Coding Auditor", "Coding Educator", "Professional Fee Coder",
            "Facility Coder", "Clinical Documentation Specialist", "Coding Quality Analyst", "Billing and Coding Specialist",
            "Revenue Integrity Analyst", "Coding Supervisor", "Denials Coding Specialist"};
    static final String[] FOCUS = {"E/M", "Surgery", "Radiology", "Cardiology", "Orthopedic", "Emergency Department",
            "Anesthesia", "DRG", "Ambulatory", "HCC", "Oncology", "Pathology", "Behavioral Health", "Home Health"};
    static final String[] LEVELS = {"", "Senior ", "Lead ", "Remote ", "Entry-level ", "II ", "III "};
    static final String[] ORG_WORDS = {"Health", "Medical Group", "Revenue Partners", "Coding Services",
            "Physicians", "Hospital", "Clinic", "Healthcare", "RCM", "Health System"};
    static final String[] ORG_NAMES = {"Riverbend", "Summit", "Lakeside", "Pinecrest", "Harbor", "Meridian",
            "Northstar", "Cedar", "Bluewater", "Granite", "Prairie", "Evergreen", "Redwood", "Silverline", "Oakridge",
            "Crescent", "Highland", "Keystone", "Liberty", "Westfield", "Brookside", "Falcon", "Horizon", "Juniper",
            "Magnolia"};
    static final String[] SENTENCES = {
            "Review provider documentation and assign accurate ICD-10-CM and CPT codes.",
            "Abstract inpatient records and assign MS-DRGs with attention to CC and MCC capture.",
            "Validate HCC capture for Medicare Advantage members under CMS-HCC V28.",
            "Audit coding accuracy, write findings and educate providers on documentation.",
            "Resolve coding-related denials and NCCI edit rejections with payers.",
            "Apply modifiers correctly, including 25, 59 and the X{EPSU} subset.",
            "Meet productivity and 95 percent quality standards in our encoder.",
            "Query physicians compliantly when documentation is unclear.",
            "Work closely with CDI specialists and the revenue cycle team.",
            "Code emergency department facility levels and professional services.",
            "Keep current with quarterly code updates and payer policies.",
            "Flexible schedule, full benefits, 401(k) match and CEU allowance.",
            "Dual monitors and equipment provided for remote team members.",
            "Mentorship for apprentice coders and a clear path to senior roles."};

    private PostingGenerator() {
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:postgresql://localhost:55432/casecoding";
        String user = args.length > 1 ? args[1] : "postgres";
        String password = args.length > 2 ? args[2] : "";
        int count = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        long started = System.nanoTime();
        try (Connection conn = DriverManager.getConnection(url, user, password)) {
            conn.setAutoCommit(false);
            generate(conn, count, new Random(42));
            conn.commit();
        }
        System.out.printf("Inserted %d postings in %d ms%n", count, (System.nanoTime() - started) / 1_000_000);
    }

    static void generate(Connection conn, int count, Random random) throws Exception {
        try (Statement st = conn.createStatement()) {
            st.execute("set search_path to careers");
            st.execute("delete from job_posting where employer_id like 'bench-%'");
            st.execute("delete from employer_profile where account_id like 'bench-%'");
        }
        List<String[]> employers = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("insert into employer_profile (account_id, organization_name, "
                + "website, about, verified) values (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < 250; i++) {
                String id = "bench-employer-" + i;
                String name = ORG_NAMES[i % ORG_NAMES.length] + " " + ORG_WORDS[(i / ORG_NAMES.length) % ORG_WORDS.length];
                employers.add(new String[]{id, name});
                ps.setString(1, id);
                ps.setString(2, name);
                ps.setString(3, "https://employer" + i + ".example");
                ps.setString(4, "An invented employer for the search benchmark.");
                ps.setBoolean(5, random.nextInt(3) > 0);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        Instant now = Instant.now();
        try (PreparedStatement ps = conn.prepareStatement("insert into job_posting (employer_id, employer_name, title, "
                + "description, city, state, country, workplace, remote_states, employment_type, credentials_required, "
                + "credentials_preferred, specialties, experience_years, salary_min, salary_max, salary_currency, "
                + "salary_period, apply_method, apply_url, valid_through, status, published_at, created_at, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, 'US', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'USD', ?, ?, ?, ?, 'published', ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                String[] employer = employers.get(random.nextInt(employers.size()));
                String workplace = pick(random, 55, "remote", 20, "hybrid", 25, "onsite");
                int place = random.nextInt(STATES.length);
                String title = LEVELS[random.nextInt(LEVELS.length)] + FOCUS[random.nextInt(FOCUS.length)] + " "
                        + ROLES[random.nextInt(ROLES.length)];
                StringBuilder description = new StringBuilder();
                for (int s = 0, n = 3 + random.nextInt(5); s < n; s++) {
                    description.append(SENTENCES[random.nextInt(SENTENCES.length)]).append(s % 2 == 1 ? "\n\n" : " ");
                }
                boolean hourly = random.nextBoolean();
                int experience = random.nextInt(8);
                boolean hasSalary = random.nextInt(10) < 8;
                double min = hourly ? 18 + random.nextInt(25) : 40_000 + 1_000 * random.nextInt(50);
                double max = min * (1.05 + random.nextDouble() * 0.3);
                Instant published = now.minus(random.nextInt(60 * 24 * 28), ChronoUnit.MINUTES);
                boolean external = random.nextInt(4) == 0;
                int p = 1;
                ps.setString(p++, employer[0]);
                ps.setString(p++, employer[1]);
                ps.setString(p++, title.trim());
                ps.setString(p++, description.toString().trim());
                ps.setString(p++, workplace.equals("remote") && random.nextBoolean() ? null : CITIES[place]);
                ps.setString(p++, workplace.equals("remote") && random.nextBoolean() ? null : STATES[place]);
                ps.setString(p++, workplace);
                ps.setArray(p++, conn.createArrayOf("text", workplace.equals("remote") && random.nextInt(3) == 0
                        ? some(random, STATES, 1 + random.nextInt(8)) : new String[0]));
                ps.setString(p++, pick(random, 70, "full_time", 10, "part_time", 12, "contract", 3, "temporary", 5, "per_diem"));
                String[] required = some(random, CREDENTIALS, random.nextInt(3));
                ps.setArray(p++, conn.createArrayOf("text", required));
                ps.setArray(p++, conn.createArrayOf("text", without(some(random, CREDENTIALS, random.nextInt(3)), required)));
                ps.setArray(p++, conn.createArrayOf("text", some(random, SPECIALTIES, 1 + random.nextInt(3))));
                ps.setInt(p++, experience);
                ps.setObject(p++, hasSalary ? Math.round(min * 100) / 100.0 : null, java.sql.Types.NUMERIC);
                ps.setObject(p++, hasSalary ? Math.round(max * 100) / 100.0 : null, java.sql.Types.NUMERIC);
                ps.setString(p++, hasSalary ? (hourly ? "hour" : "year") : null);
                ps.setString(p++, external ? "external" : "board");
                ps.setString(p++, external ? "https://employer.example/jobs/" + i : null);
                ps.setTimestamp(p++, Timestamp.from(published.plus(30 + random.nextInt(30), ChronoUnit.DAYS)));
                ps.setTimestamp(p++, Timestamp.from(published));
                ps.setTimestamp(p++, Timestamp.from(published));
                ps.setTimestamp(p, Timestamp.from(published));
                ps.addBatch();
                if (i % 1000 == 999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        try (Statement st = conn.createStatement()) {
            st.execute("analyze job_posting");
        }
    }

    private static String pick(Random random, Object... weightedValues) {
        int total = 0;
        for (int i = 0; i < weightedValues.length; i += 2) {
            total += (Integer) weightedValues[i];
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weightedValues.length; i += 2) {
            r -= (Integer) weightedValues[i];
            if (r < 0) {
                return (String) weightedValues[i + 1];
            }
        }
        throw new IllegalStateException();
    }

    private static String[] some(Random random, String[] from, int n) {
        List<String> out = new ArrayList<>();
        while (out.size() < n) {
            String v = from[random.nextInt(from.length)];
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out.toArray(String[]::new);
    }

    private static String[] without(String[] values, String[] excluded) {
        return java.util.Arrays.stream(values).filter(v -> !java.util.List.of(excluded).contains(v)).toArray(String[]::new);
    }
}
