package com.casecoding.codes.assistant;

import com.casecoding.codes.assistant.data.CodeCatalog;
import com.casecoding.codes.assistant.data.CodeHistory;
import com.casecoding.codes.assistant.data.CodeRecord;
import com.casecoding.codes.assistant.data.CodeSearch;
import com.casecoding.codes.assistant.data.Crosswalk;
import com.casecoding.codes.assistant.data.EditFacts;
import com.casecoding.codes.assistant.data.ReleaseRef;
import com.casecoding.codes.assistant.guideline.GuidelineLibrary;
import com.casecoding.codes.assistant.llm.LlmClient;
import com.casecoding.common.codes.CodeSystem;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A small in-memory world for the assistant's unit tests, written by hand. CPT codes carry no descriptor at all
 * (the assistant never shows one); edit and fee values are invented for the tests.
 */
public final class FakeData implements CodeCatalog, CodeSearch, EditFacts, CodeHistory, Crosswalk {

    static final ReleaseRef CM24 = new ReleaseRef("icd10cm", "FY2024", LocalDate.of(2023, 10, 1));
    static final ReleaseRef CM25 = new ReleaseRef("icd10cm", "FY2025", LocalDate.of(2024, 10, 1));
    static final ReleaseRef PCS25 = new ReleaseRef("icd10pcs", "FY2025", LocalDate.of(2024, 10, 1));
    static final ReleaseRef HCPCS25 = new ReleaseRef("hcpcs", "2025-JAN", LocalDate.of(2025, 1, 1));
    static final ReleaseRef RVU = new ReleaseRef("mpfs-rvu", "RVU25D", LocalDate.of(2025, 10, 1));
    static final ReleaseRef GPCI = new ReleaseRef("mpfs-gpci", "GPCI2025", LocalDate.of(2025, 1, 1));
    static final ReleaseRef MUE = new ReleaseRef("mue-practitioner", "2026Q2", LocalDate.of(2026, 4, 1));
    static final ReleaseRef AOC = new ReleaseRef("aoc", "2026Q2", LocalDate.of(2026, 4, 1));
    static final ReleaseRef PTP = new ReleaseRef("ptp-practitioner", "2026Q2", LocalDate.of(2026, 4, 1));
    static final ReleaseRef ICD9 = new ReleaseRef("icd9cm", "v32", LocalDate.of(2014, 10, 1));
    static final ReleaseRef GEMS = new ReleaseRef("gems", "FY2018", LocalDate.of(2017, 10, 1));

    private final Map<String, CodeRecord> codes = new LinkedHashMap<>();
    private final List<Change> changes = new ArrayList<>();
    private boolean ptpLoaded = true;

    public FakeData() {
        cm("E11", "Type 2 diabetes mellitus", false, null);
        cm("E114", "Type 2 diabetes mellitus with neurological complications", false, "E11");
        cm("E1140", "Type 2 diabetes mellitus with diabetic neuropathy, unspecified", true, "E114");
        cm("E1142", "Type 2 diabetes mellitus with diabetic polyneuropathy", true, "E114");
        cm("E119", "Type 2 diabetes mellitus without complications", true, "E11");
        cm("R10", "Abdominal and pelvic pain", false, null);
        cm("R109", "Unspecified abdominal pain", true, "R10");
        cm("I21", "Acute myocardial infarction", false, null);
        cm("I21A", "Other type of myocardial infarction", false, "I21");
        cm("I21A1", "Myocardial infarction type 2", true, "I21A");
        cm("I21B", "Myocardial infarction with coronary microvascular dysfunction", true, "I21");
        cm("S72001A", "Fracture of unspecified part of neck of right femur, initial encounter for closed fracture", true, null);
        cm("D518", "Other vitamin B12 deficiency anemias", true, null);
        put(new CodeRecord(CodeSystem.ICD10PCS, "0DTJ4ZZ", "Resection of Appendix, Percutaneous Endoscopic Approach", true, null, null, false, PCS25));
        put(new CodeRecord(CodeSystem.HCPCS, "J1885", "Injection, ketorolac tromethamine, per 15 mg", true, null, null, false, HCPCS25));
        put(new CodeRecord(CodeSystem.HCPCS, "G0008", "Administration of influenza virus vaccine", true, null, null, false, HCPCS25));
        for (String cpt : List.of("99213", "99214", "11042", "97597", "37252", "37253", "27447", "90686")) {
            put(new CodeRecord(CodeSystem.CPT, cpt, null, true, null,
                    cpt.equals("99213") ? "Test plain-language text for code 99213." : null, false, RVU));
        }
        // the same characters in two sets: HCPCS G0439 and ICD-10-CM G04.39 (self-written fixture titles)
        put(new CodeRecord(CodeSystem.HCPCS, "G0439", "Annual wellness visit, subsequent (test title)", true, null, null, false, HCPCS25));
        cm("G0439", "Other acute disseminated encephalitis (test title)", true, null);
        put(new CodeRecord(CodeSystem.HCPCS, "J3301", "Injection, triamcinolone (test title), 10 mg", true, null, null, false, HCPCS25));
        put(new CodeRecord(CodeSystem.HCPCS, "J1030", "Injection, methylprednisolone (test title), 40 mg", true, null, null, true, HCPCS25));
        put(new CodeRecord(CodeSystem.MODIFIER, "RT", "Right side (test title)", true, null, null, false, HCPCS25));
        put(new CodeRecord(CodeSystem.MODIFIER, "GA", "Waiver of liability statement issued (test title)", true, null, null, false, HCPCS25));
        put(new CodeRecord(CodeSystem.MODIFIER, "GK", "Item associated with a GA or GZ modifier (test title)", true, null, null, false, HCPCS25));
        put(new CodeRecord(CodeSystem.MODIFIER, "25", null, true, null, "Test plain-language text for modifier 25.", false, RVU));
        cm("Z23", "Encounter for immunization", true, null);
        // an ICD-10-CM category in the real data too: the code check keeps "V28" (the HCC model) because it exists
        cm("V28", "Motorcycle rider injured in noncollision transport accident (test title)", false, null);
        cm("A419", "Sepsis, unspecified organism", true, null);
        cm("E1165", "Type 2 diabetes mellitus with hyperglycemia", true, null);
        cm("J189", "Pneumonia, unspecified organism", true, null);
        cm("R6520", "Severe sepsis without septic shock", true, null);
        cm("R6521", "Severe sepsis with septic shock", true, null);
        cm("T1490XA", "Injury, unspecified, initial encounter", true, null);
        put(new CodeRecord(CodeSystem.ICD10CM, "D139", "Benign neoplasm of ill-defined sites (test title)", true, null, null, true, CM24));
        changes.add(new Change(CodeSystem.ICD10CM, "D139", "deleted", "Benign neoplasm of ill-defined sites (test title)", null, true, null, CM25, CM24));
        put(new CodeRecord(CodeSystem.ICD9PCS, "4701", "Laparoscopic appendectomy", true, null, null, false, ICD9));
        put(new CodeRecord(CodeSystem.ICD9CM, "25000", "Diabetes mellitus without mention of complication, type II or unspecified type, not stated as uncontrolled", true, null, null, false, ICD9));
        changes.add(new Change(CodeSystem.ICD10CM, "I21B", "added", null, "Myocardial infarction with coronary microvascular dysfunction", null, false, CM25, CM24));
    }

    public FakeData withoutPtp() {
        ptpLoaded = false;
        return this;
    }

    public AssistantService service(LlmClient llm) {
        return service(llm, com.casecoding.codes.assistant.data.PageAccess.OPEN);
    }

    /** {@code access}: what the code page shows guests. */
    public AssistantService service(LlmClient llm, com.casecoding.codes.assistant.data.PageAccess access) {
        return new AssistantService(this, this, this, this, this, new GuidelineLibrary(), llm,
                Clock.fixed(Instant.parse("2026-05-01T12:00:00Z"), ZoneOffset.UTC), access, references());
    }

    static final ReleaseRef HCC28 = new ReleaseRef("cms-hcc-v28", "2025", LocalDate.of(2025, 1, 1));

    /** Self-written reference answers: E11.9 maps to a test HCC, E11.65 is a test CC. */
    static com.casecoding.codes.assistant.data.ReferenceFacts references() {
        return new com.casecoding.codes.assistant.data.ReferenceFacts() {
            @Override
            public Fact hcc(String code, String model) {
                return code.equals("E11.9") ? new Fact(true, "E11.9 maps to test HCC 38 in " + (model == null ? "V28" : model) + ".", List.of(HCC28))
                        : new Fact(true, code + " maps to no HCC (test).", List.of(HCC28));
            }

            @Override
            public Fact severity(String code) {
                return new Fact(true, code + (code.equals("E11.65") ? " is a CC (test)." : " is neither a CC nor an MCC (test)."), List.of());
            }

            @Override
            public Fact hccForCondition(String words, String model) {
                return new Fact(true, "\"" + words + "\" falls in test HCC 226.", List.of(HCC28));
            }

            @Override
            public Fact drg(String number) {
                return new Fact(true, "MS-DRG " + number + " is a test DRG.", List.of());
            }

            @Override
            public Fact excludes1(List<String> codes, LocalDate date) {
                return new Fact(true, "Test: no Excludes1 note forbids " + String.join(" with ", codes) + ".", List.of());
            }
        };
    }

    @Override
    public Optional<Validity> validity(CodeSystem system, String code, LocalDate date) {
        if (system == CodeSystem.HCPCS && code.equals("J1030")) {
            return Optional.of(new Validity("deleted", "J1030 was terminated on 2025-12-31 (test fixture).", HCPCS25));
        }
        return Optional.empty();
    }

    public static LlmClient noLlm() {
        return new LlmClient() {
            @Override
            public boolean enabled() {
                return false;
            }

            @Override
            public Optional<String> rephrase(String question, String groundedAnswer) {
                return Optional.empty();
            }
        };
    }

    private void cm(String code, String title, boolean billable, String parent) {
        put(new CodeRecord(CodeSystem.ICD10CM, code, title, billable, parent, null, false, CM25));
    }

    private void put(CodeRecord r) {
        codes.put(r.system().id() + ":" + r.code(), r);
    }

    @Override
    public Optional<CodeRecord> lookup(CodeSystem system, String code) {
        return Optional.ofNullable(codes.get(system.id() + ":" + code));
    }

    @Override
    public List<CodeRecord> children(CodeSystem system, String code, int limit) {
        return codes.values().stream().filter(r -> r.system() == system && code.equals(r.parentCode())).limit(limit).toList();
    }

    @Override
    public List<CodeRecord> ancestors(CodeSystem system, String code) {
        List<CodeRecord> up = new ArrayList<>();
        Optional<CodeRecord> r = lookup(system, code);
        while (r.isPresent() && r.get().parentCode() != null) {
            r = lookup(system, r.get().parentCode());
            r.ifPresent(x -> up.add(0, x));
        }
        return up;
    }

    @Override
    public List<Hit> search(String words, Optional<CodeSystem> system, int limit) {
        String[] ws = words.toLowerCase(Locale.ROOT).replace("flu", "influenza").replace("shot", "vaccine").split(" ");
        return codes.values().stream()
                .filter(r -> r.title() != null && system.map(s -> s == r.system()).orElse(true))
                .filter(r -> {
                    String t = r.title().toLowerCase(Locale.ROOT);
                    for (String w : ws) {
                        if (w.length() > 2 && !t.contains(w.replaceAll("y$", ""))) {
                            return false;
                        }
                    }
                    return true;
                })
                .limit(limit)
                .map(r -> new Hit(r.system(), r.code(), r.title(), r.billable(), "all words in the title"))
                .toList();
    }

    @Override
    public Optional<ReleaseRef> ptpRelease() {
        return ptpLoaded ? Optional.of(PTP) : Optional.empty();
    }

    @Override
    public List<Ptp> ptp(String a, String b, LocalDate date) {
        if (!ptpLoaded) {
            return List.of();
        }
        boolean pair = (a.equals("11042") && b.equals("97597")) || (a.equals("97597") && b.equals("11042"));
        return pair ? List.of(new Ptp("11042", "97597", 1, "Allowed with an appropriate modifier.",
                LocalDate.of(2010, 1, 1), null, "Test rationale", "Practitioner services", PTP)) : List.of();
    }

    @Override
    public List<Mue> mue(String code) {
        return switch (code) {
            case "J3301" -> List.of(new Mue("J3301", "Practitioner services", 16, 3,
                    "Date of service edit, clinical: appealable.", "Clinical: Data", MUE));
            case "J1885" -> List.of(new Mue("J1885", "Practitioner services", 8, 3,
                    "Date of service edit, clinical: appealable.", "Clinical: Data", MUE));
            case "11042" -> List.of(new Mue("11042", "Practitioner services", 1, 2,
                    "Date of service edit, policy: absolute.", "Code Descriptor / CPT Instruction", MUE));
            default -> List.of();
        };
    }

    @Override
    public Optional<ReleaseRef> mueRelease() {
        return Optional.of(MUE);
    }

    @Override
    public List<AddOn> addOnPrimaries(String addOnCode) {
        return addOnCode.equals("37253")
                ? List.of(new AddOn(1, "only the listed primaries", "37253", "37252", LocalDate.of(2013, 1, 1), null, AOC))
                : List.of();
    }

    @Override
    public List<String> addOnsOf(String primaryCode) {
        return primaryCode.equals("37252") ? List.of("37253") : List.of();
    }

    @Override
    public Optional<ReleaseRef> addOnRelease() {
        return Optional.of(AOC);
    }

    @Override
    public Optional<Payment> payment(String code, Optional<String> localityId) {
        if (!List.of("99213", "99214", "27447", "11042").contains(code)) {
            return Optional.empty();
        }
        boolean knee = code.equals("27447");
        Locality loc = localityId.flatMap(id -> localities().stream().filter(l -> l.id().equals(id)).findFirst()).orElse(null);
        return Optional.of(new Payment(code, "", new Indicator("Status", "A", "Active code, paid under the fee schedule."),
                new BigDecimal("1.50"), new BigDecimal("1.20"), new BigDecimal("0.60"), new BigDecimal("0.10"),
                new BigDecimal("2.80"), new BigDecimal("2.20"),
                new Indicator("Global days", knee ? "090" : "XXX", knee ? "Major surgery: 90 days after." : "Global concept does not apply."),
                new BigDecimal("32.3465"), new BigDecimal("90.57"), new BigDecimal("71.16"), loc,
                loc == null ? null : new BigDecimal("85.00"), loc == null ? null : new BigDecimal("66.00"), null, RVU, GPCI));
    }

    @Override
    public List<Locality> localities() {
        return List.of(new Locality("10112-00", "AL", "ALABAMA"), new Locality("13202-01", "NY", "MANHATTAN"),
                new Locality("13292-04", "NY", "REST OF NEW YORK"));
    }

    @Override
    public List<ReleaseRef> releases(CodeSystem system) {
        return system == CodeSystem.ICD10CM ? List.of(CM24, CM25) : List.of();
    }

    @Override
    public List<Change> changes(CodeSystem system, String prefix) {
        return changes.stream().filter(c -> c.system() == system && c.code().startsWith(prefix)).toList();
    }

    @Override
    public Optional<CodeRecord> inEffectOn(CodeSystem system, String code, LocalDate date) {
        if (system == CodeSystem.ICD10CM && code.equals("I21B") && date.isBefore(CM25.effectiveDate())) {
            return Optional.empty();
        }
        return lookup(system, code);
    }

    @Override
    public List<Mapping> from(CodeSystem system, String code) {
        if (system == CodeSystem.ICD9CM && code.equals("25000")) {
            return List.of(new Mapping(CodeSystem.ICD9CM, "25000", CodeSystem.ICD10CM, "E119", true, false, false, 0, 0, GEMS));
        }
        return List.of();
    }
}
