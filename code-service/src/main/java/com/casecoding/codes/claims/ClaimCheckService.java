package com.casecoding.codes.claims;

import com.casecoding.codes.catalog.CodeCatalog;
import com.casecoding.codes.release.CodeKinds;
import com.casecoding.codes.catalog.CodeStatus;
import com.casecoding.codes.release.LoadedRelease;
import com.casecoding.common.codes.CodeKey;
import com.casecoding.common.codes.CodeSystem;
import com.casecoding.codes.edits.AddOnEdit;
import com.casecoding.codes.edits.CareSetting;
import com.casecoding.codes.edits.EditDataset;
import com.casecoding.codes.edits.EditRelease;
import com.casecoding.codes.edits.EditTables;
import com.casecoding.codes.edits.ModifierRules;
import com.casecoding.codes.edits.MueEntry;
import com.casecoding.codes.edits.PaymentStatus;
import com.casecoding.codes.edits.RvuEntry;
import com.casecoding.codes.edits.PtpEdit;
import com.casecoding.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a whole claim against code validity, NCCI PTP, MUE and add-on edits and modifier validity. Edit tables are
 * in memory ({@link EditTables}); PTP pairs and code validity take one indexed query each.
 */
@ApplicationScoped
public class ClaimCheckService {

    @Inject
    EditTables tables;

    @Inject
    CodeCatalog catalog;

    /** A claim line after normalization. {@code n} is the 1-based line number. */
    record Line(int n, String code, int units, List<String> modifiers, List<Integer> pointers, String system) {
    }

    /** A code of the claim in stored form when it can be one, else as typed (so a finding can quote it). */
    static String typed(String code) {
        String compact = CodeSystem.compact(code);
        return compact != null ? compact : code == null ? "" : code.strip();
    }

    /** {@code cpt} or {@code hcpcs} for a well-formed procedure code; null when it fits neither. */
    static String procedureSystem(String code) {
        return CodeSystem.CPT.accepts(code) ? CodeSystem.CPT.id() : CodeSystem.HCPCS.accepts(code) ? CodeSystem.HCPCS.id() : null;
    }

    public ClaimCheckResult check(ClaimCheckRequest request) {
        LocalDate dos = request.dateOfService();
        CareSetting setting = request.setting();
        List<String> diagnoses = request.diagnosesOrEmpty().stream().map(ClaimCheckService::typed).toList();
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            ClaimCheckRequest.Line l = request.lines().get(i);
            for (Integer p : l.pointersOrEmpty()) {
                if (p > diagnoses.size()) {
                    throw ProblemException.invalidField("lines[" + i + "].diagnosisPointers",
                            "points to diagnosis " + p + " but the claim lists " + diagnoses.size());
                }
            }
            String code = typed(l.code());
            lines.add(new Line(i + 1, code, l.units(), l.modifiersOrEmpty().stream().map(ClaimCheckService::typed).toList(),
                    l.pointersOrEmpty(), procedureSystem(code)));
        }
        List<Finding> findings = new ArrayList<>();
        codeValidity(lines, diagnoses, dos, setting, findings);
        feeSchedule(lines, dos, setting, findings);
        boolean ptpChecked = ptp(lines, dos, setting, findings);
        mue(lines, dos, setting, findings);
        addOns(lines, dos, findings);
        findings.sort(Comparator.comparingInt((Finding f) -> severityRank(f.severity()))
                .thenComparing(f -> f.lines().isEmpty() ? 0 : f.lines().get(0)));
        int errors = count(findings, Finding.ERROR);
        int warnings = count(findings, Finding.WARNING);
        int infos = count(findings, Finding.INFO);
        boolean clean = errors == 0 && warnings == 0;
        String checks = ptpChecked ? "code validity, fee schedule status and modifier, NCCI PTP, MUE and add-on"
                : "code validity, fee schedule status and modifier, MUE and add-on";
        String ptpNote = ptpChecked ? "" : " " + ptpNotChecked(setting);
        String summary = clean
                ? "No problems found: " + lines.size() + " line(s) pass the " + checks + " checks for "
                + setting.label().toLowerCase() + " on " + dos + "." + ptpNote
                : errors + " error(s) and " + warnings + " warning(s) on " + lines.size() + " line(s)." + ptpNote;
        return new ClaimCheckResult(dos, setting.id(), clean, summary, errors, warnings, infos, List.copyOf(findings));
    }

    private static int severityRank(String s) {
        return switch (s) {
            case Finding.ERROR -> 0;
            case Finding.WARNING -> 1;
            default -> 2;
        };
    }

    private static int count(List<Finding> findings, String severity) {
        return (int) findings.stream().filter(f -> f.severity().equals(severity)).count();
    }

    private static Finding.Source source(EditRelease r, LocalDate editEffective, LocalDate editDeleted) {
        return r == null ? null : new Finding.Source(r.dataset(), r.version(), r.effectiveDate(), editEffective, editDeleted);
    }

    private static Finding.Source source(LoadedRelease r) {
        return r == null ? null : new Finding.Source(r.dataset(), r.version(), r.effectiveDate(), null, null);
    }

    // ---------------------------------------------------------------- code validity and modifiers

    private void codeValidity(List<Line> lines, List<String> diagnoses, LocalDate dos, CareSetting setting,
                              List<Finding> out) {
        Map<CodeKey, List<Integer>> procedures = new LinkedHashMap<>();
        for (Line l : lines) {
            if (l.system() == null) {
                out.add(new Finding(Finding.ERROR, "code-malformed", List.of(l.n()), "Line " + l.n() + ": '" + l.code()
                        + "' is not a CPT or HCPCS Level II code: CPT codes are 5 characters (99213, 0001U, 1234F), "
                        + "HCPCS Level II codes a letter and 4 digits (J1885).", "Correct the code.", null));
            } else {
                CodeSystem system = CodeSystem.fromId(l.system()).orElseThrow();
                procedures.computeIfAbsent(new CodeKey(system, l.code()), k -> new ArrayList<>()).add(l.n());
            }
        }
        Map<CodeKey, List<Integer>> dx = new LinkedHashMap<>();
        for (int i = 0; i < diagnoses.size(); i++) {
            String d = diagnoses.get(i);
            if (!CodeSystem.ICD10CM.accepts(d)) {
                out.add(new Finding(Finding.ERROR, "code-malformed", List.of(), "Diagnosis " + (i + 1) + ": '" + d
                        + "' is not an ICD-10-CM code (" + CodeSystem.ICD10CM.description() + ").",
                        "Correct the diagnosis code.", null));
            } else {
                dx.computeIfAbsent(new CodeKey(CodeSystem.ICD10CM, d), k -> new ArrayList<>()).add(i + 1);
            }
        }
        Map<CodeKey, List<Integer>> modifiers = new LinkedHashMap<>();
        for (Line l : lines) {
            for (String m : l.modifiers()) {
                if (!CodeSystem.MODIFIER.accepts(m)) {
                    out.add(new Finding(Finding.ERROR, "modifier-unknown", List.of(l.n()), "Line " + l.n()
                            + ": '" + m + "' is not a modifier (two letters or digits).",
                            "Remove or correct the modifier.", null));
                } else {
                    modifiers.computeIfAbsent(new CodeKey(CodeSystem.MODIFIER, m), k -> new ArrayList<>()).add(l.n());
                }
            }
        }
        List<CodeKey> keys = new ArrayList<>(procedures.keySet());
        keys.addAll(dx.keySet());
        keys.addAll(modifiers.keySet());
        Map<CodeKey, CodeStatus> found = catalog.statuses(keys, dos);
        Set<String> notLoaded = new LinkedHashSet<>();
        procedures.forEach((k, ns) -> procedureFinding(found.get(k), ns, dos, notLoaded, out));
        dx.forEach((k, ns) -> diagnosisFinding(found.get(k), ns, dos, notLoaded, out));
        modifiers.forEach((k, ns) -> modifierFinding(found.get(k), ns, dos, notLoaded, out));
        for (String system : notLoaded) {
            out.add(new Finding(Finding.INFO, "code-set-not-loaded", List.of(), "The " + system
                    + " code set is not loaded here, so those codes were checked for their format only.", null, null));
        }
        for (Line l : lines) {
            if (l.pointers().isEmpty()) {
                out.add(new Finding(Finding.WARNING, "diagnosis-pointer", List.of(l.n()), "Line " + l.n()
                        + " points to no diagnosis: every service line needs at least one diagnosis pointer.",
                        diagnoses.isEmpty() ? "Add the diagnosis codes to the claim and point the line to them."
                                : "Point the line to the diagnosis (1-" + diagnoses.size() + ") that supports it.", null));
            }
        }
    }

    private static String where(List<Integer> lines) {
        return lines.size() == 1 ? "Line " + lines.get(0) : "Lines " + lines.stream().map(String::valueOf)
                .collect(Collectors.joining(", "));
    }

    /** No loaded release covers the date (or the one in effect is partial): a warning naming what is missing. */
    private static Finding unverified(CodeStatus f, List<Integer> lines, String who, LocalDate dos) {
        return new Finding(Finding.WARNING, "code-no-release-for-date", lines, who + ": " + f.message(),
                "Check the code against the " + f.currency().label() + " release in effect on " + dos
                        + ", or import that release.", source(f.record()));
    }

    private static void procedureFinding(CodeStatus f, List<Integer> lines, LocalDate dos, Set<String> notLoaded,
                                         List<Finding> out) {
        String who = where(lines) + ": " + f.system().label() + " " + f.display();
        switch (f.state()) {
            case VALID -> { }
            case NOT_LOADED -> notLoaded.add(f.system().label());
            case UNKNOWN -> out.add(new Finding(Finding.ERROR, "code-unknown", lines, who + " does not exist in the "
                    + f.release().version() + " release, in effect on " + dos + ".", "Correct the code.",
                    source(f.release())));
            case NOT_YET_VALID -> out.add(new Finding(Finding.ERROR, "code-not-yet-effective", lines, who
                    + " is not effective until " + f.since() + "; the date of service is " + dos + ".",
                    "Use the code valid on " + dos + ", or check the date of service.", source(f.release())));
            case TERMINATED -> out.add(new Finding(Finding.ERROR, "code-deleted", lines, who + " was deleted effective "
                    + f.until().plusDays(1) + " (last valid " + f.until() + "; " + f.basis() + "); the date of "
                    + "service is " + dos + ".", "Use the replacement code valid on " + dos + ".",
                    source(f.release())));
            case UNVERIFIED -> out.add(unverified(f, lines, who, dos));
        }
    }

    private static void diagnosisFinding(CodeStatus f, List<Integer> positions, LocalDate dos,
                                         Set<String> notLoaded, List<Finding> out) {
        String who = "Diagnosis " + f.display();
        switch (f.state()) {
            case VALID -> {
                if (f.header()) {
                    out.add(new Finding(Finding.ERROR, "diagnosis-not-billable", List.of(), who
                            + " is a header (category) code, not valid for billing: a claim with it is denied.",
                            "Code to the highest specificity: choose a billable code below " + f.display() + ".",
                            source(f.release())));
                }
            }
            case NOT_LOADED -> notLoaded.add(f.system().label());
            case UNKNOWN -> out.add(new Finding(Finding.ERROR, "code-unknown", List.of(), who
                    + " does not exist in ICD-10-CM " + f.release().version() + ", in effect on " + dos + ".",
                    "Correct the diagnosis code.", source(f.release())));
            case NOT_YET_VALID -> out.add(new Finding(Finding.ERROR, "code-not-yet-effective", List.of(), who
                    + " is not effective until " + f.since() + "; the date of service is " + dos + ".",
                    "Use the code valid on " + dos + ".", source(f.release())));
            case TERMINATED -> out.add(new Finding(Finding.ERROR, "code-deleted", List.of(), who + " was deleted "
                    + "effective " + f.until().plusDays(1) + " (" + f.basis() + "); the date of service is " + dos
                    + ".", "Use the code that replaced it.", source(f.release())));
            case UNVERIFIED -> out.add(unverified(f, List.of(), who, dos));
        }
    }

    private static void modifierFinding(CodeStatus f, List<Integer> lines, LocalDate dos, Set<String> notLoaded,
                                        List<Finding> out) {
        String who = where(lines) + ": modifier " + f.code();
        switch (f.state()) {
            case VALID -> { }
            case NOT_LOADED -> notLoaded.add(CodeKinds.isCptModifier(f.code()) ? "CPT modifier"
                    : "HCPCS Level II modifier");
            case UNKNOWN -> out.add(new Finding(Finding.ERROR, "modifier-unknown", lines, who
                    + " is not a CPT or HCPCS Level II modifier in effect on " + dos + ".",
                    "Remove or correct the modifier.", source(f.release())));
            case NOT_YET_VALID -> out.add(new Finding(Finding.ERROR, "modifier-not-yet-effective", lines, who
                    + " is not effective until " + f.since() + ".", "Remove the modifier or check the date of service.",
                    source(f.release())));
            case TERMINATED -> out.add(new Finding(Finding.ERROR, "modifier-terminated", lines, who
                    + " was terminated effective " + f.until().plusDays(1) + "; the date of service is " + dos + ".",
                    "Use the modifier that replaced it, or remove it.", source(f.release())));
            case UNVERIFIED -> out.add(unverified(f, lines, who, dos));
        }
    }

    // ---------------------------------------------------------------- fee schedule status and modifier rules

    /**
     * The MPFS status code of each line (practitioner claims: the fee schedule pays practitioners) and the modifier
     * rules the fee schedule indicators give each code (practitioner and outpatient hospital; DME supplier claims are
     * not paid under the MPFS). Both read {@link PaymentStatus} and {@link ModifierRules} of the edits package.
     */
    private void feeSchedule(List<Line> lines, LocalDate dos, CareSetting setting, List<Finding> out) {
        if (setting == CareSetting.DME_SUPPLIER) {
            return;
        }
        Map<String, List<RvuEntry>> rows = new LinkedHashMap<>();
        for (Line l : lines) {
            if (l.system() != null) {
                rows.computeIfAbsent(l.code(), tables::rvu);
            }
        }
        EditRelease read = null;
        for (Line l : lines) {
            List<RvuEntry> r = l.system() == null ? List.of() : rows.get(l.code());
            if (r.isEmpty()) {
                continue;
            }
            RvuEntry global = r.stream().filter(e -> e.modifier() == null || e.modifier().isBlank()).findFirst()
                    .orElse(r.get(0));
            Finding.Source src = source(global.release(), null, null);
            if (setting == CareSetting.PRACTITIONER) {
                PaymentStatus.of(l.code(), global, l.modifiers()).ifPresent(n -> out.add(new Finding(
                        switch (n.weight()) {
                            case DENIED -> Finding.ERROR;
                            case WARNING -> Finding.WARNING;
                            case NOTE -> Finding.INFO;
                        }, "mpfs-status", List.of(l.n()), "Line " + l.n() + ": " + l.code() + " has MPFS status "
                        + n.status() + ": " + n.meaning(), n.fix(), src, "MPFS status " + n.status())));
            }
            read = global.release();
            if (l.modifiers().isEmpty()) {
                continue;
            }
            ModifierRules rules = tables.modifierRules(l.code()).orElseThrow();
            for (String m : l.modifiers()) {
                rules.misuse(m).ifPresent(x -> out.add(misuseFinding(l, x, src)));
            }
            if (l.modifiers().contains("57")) {
                List<List<RvuEntry>> others = lines.stream().filter(o -> o.n() != l.n() && o.system() != null)
                        .map(o -> rows.get(o.code())).toList();
                rules.decisionForSurgery(l.modifiers(), others).ifPresent(x -> out.add(misuseFinding(l, x, src)));
            }
        }
        if (read != null && read.effectiveDate() != null && read.effectiveDate().getYear() != dos.getYear()) {
            // the MPFS is a calendar-year schedule: indicators of another year may differ
            out.add(new Finding(Finding.INFO, "mpfs-release", List.of(), "The fee schedule status and modifier "
                    + "indicators were read from MPFS " + read.version() + " (" + read.effectiveDate().getYear()
                    + "); no fee schedule of " + dos.getYear() + ", the year of the date of service, is loaded.",
                    "Import the MPFS RVU file of " + dos.getYear() + ".", source(read, null, null)));
        }
    }

    private static Finding misuseFinding(Line l, ModifierRules.Misuse x, Finding.Source src) {
        return new Finding(x.denied() ? Finding.ERROR : Finding.WARNING, x.rule(), List.of(l.n()), "Line " + l.n()
                + " (" + l.code() + "-" + x.modifier() + "): " + x.message(), x.fix(), src, x.indicator());
    }

    // ---------------------------------------------------------------- NCCI PTP

    /** The sentence every claim gets when its PTP pairs were not checked. */
    static String ptpNotChecked(CareSetting setting) {
        return setting == CareSetting.DME_SUPPLIER
                ? "PTP pairs were not checked: NCCI PTP edits do not apply to DME supplier claims."
                : "PTP pairs were not checked: no NCCI PTP table for " + setting.label().toLowerCase() + " is loaded.";
    }

    /** Runs the PTP edits; false (with a finding saying so) when they could not be checked. */
    private boolean ptp(List<Line> lines, LocalDate dos, CareSetting setting, List<Finding> out) {
        EditDataset dataset = setting == CareSetting.PRACTITIONER ? EditDataset.PTP_PRACTITIONER
                : EditDataset.PTP_OUTPATIENT_HOSPITAL;
        if (setting == CareSetting.DME_SUPPLIER || tables.release(dataset).isEmpty()) {
            out.add(new Finding(Finding.INFO, "ncci-ptp", List.of(), ptpNotChecked(setting), setting
                    == CareSetting.DME_SUPPLIER ? null : "Import the NCCI PTP table for " + setting.label()
                    .toLowerCase() + " to have code pairs checked.", null));
            return false;
        }
        List<String> codes = lines.stream().filter(l -> l.system() != null).map(Line::code).distinct().toList();
        if (codes.size() < 2) {
            return true;
        }
        for (PtpEdit e : tables.ptpEdits(codes, dos, setting)) {
            if (e.modifierIndicator() == 9) {
                continue;
            }
            for (Line l1 : lines) {
                if (!l1.code().equals(e.column1())) {
                    continue;
                }
                for (Line l2 : lines) {
                    if (l2.n() == l1.n() || !l2.code().equals(e.column2())) {
                        continue;
                    }
                    out.add(ptpFinding(e, l1, l2));
                }
            }
        }
        return true;
    }

    private static Finding ptpFinding(PtpEdit e, Line l1, Line l2) {
        Finding.Source src = source(e.release(), e.effective(), e.deleted());
        String pair = "Line " + l2.n() + " (" + e.column2() + ") is a column 2 code of line " + l1.n() + " ("
                + e.column1() + ") under an NCCI PTP edit (" + (e.rationale().isBlank() ? "no rationale given" : e.rationale())
                + ")";
        List<Integer> involved = List.of(l1.n(), l2.n());
        if (e.modifierIndicator() == 0) {
            return new Finding(Finding.ERROR, "ncci-ptp", involved, pair + ". Modifier indicator 0: the two are never "
                    + "paid together on the same day, and no modifier changes that.",
                    "Remove line " + l2.n() + " (" + e.column2() + "): it is not payable with " + e.column1() + ".", src);
        }
        return PtpBypass.bypass(l1.modifiers(), l2.modifiers())
                .map(m -> new Finding(Finding.INFO, "ncci-ptp", involved, pair + ". Modifier indicator 1: modifier " + m
                        + " reports a distinct service, so the edit is bypassed; the record must support it.", null, src))
                .orElseGet(() -> new Finding(Finding.ERROR, "ncci-ptp", involved, pair + ". Modifier indicator 1: "
                        + e.column2() + " is denied unless a modifier shows a distinct service.",
                        "If the service on line " + l2.n() + " was distinct (another session, site, organ system, "
                                + "incision or encounter), append 59 or the more precise XE, XS, XP or XU (or anatomic "
                                + "modifiers naming different sites) to line " + l2.n() + "; otherwise remove it.", src));
    }

    // ---------------------------------------------------------------- MUE

    private void mue(List<Line> lines, LocalDate dos, CareSetting setting, List<Finding> out) {
        Map<String, List<Line>> byCode = lines.stream().filter(l -> l.system() != null)
                .collect(Collectors.groupingBy(Line::code, LinkedHashMap::new, Collectors.toList()));
        EditRelease release = null;
        for (Map.Entry<String, List<Line>> entry : byCode.entrySet()) {
            MueEntry m = tables.mue(entry.getKey(), setting).orElse(null);
            if (m == null) {
                continue;
            }
            release = m.release();
            Finding.Source src = source(m.release(), null, null);
            String limit = "MUE for " + entry.getKey() + " in " + setting.label().toLowerCase() + ": " + m.value()
                    + " unit(s). Adjudication indicator " + m.adjudicationExplained();
            if (!m.perDateOfService()) {
                for (Line l : entry.getValue()) {
                    if (l.units() > m.value()) {
                        out.add(new Finding(Finding.ERROR, "mue", List.of(l.n()), "Line " + l.n() + " bills " + l.units()
                                + " unit(s) of " + l.code() + ", above the per-line limit. " + limit,
                                m.value() == 0 ? "Remove the line: no units are payable in this setting."
                                        : "Bill at most " + m.value() + " unit(s) on the line; units for separate sites "
                                        + "or sessions go on separate lines with anatomic modifiers or 59/XS.", src));
                    }
                }
            } else {
                int total = entry.getValue().stream().mapToInt(Line::units).sum();
                if (total > m.value()) {
                    List<Integer> ns = entry.getValue().stream().map(Line::n).toList();
                    String fix = m.value() == 0 ? "Remove the line(s): no units are payable in this setting."
                            : m.adjudicationIndicator() == 2
                            ? "Bill at most " + m.value() + " unit(s) for the date of service: units above a policy "
                            + "MUE are not paid, even on appeal."
                            : "Bill at most " + m.value() + " unit(s); units above a clinical MUE are denied but may "
                            + "be paid on appeal with records showing medical necessity.";
                    out.add(new Finding(Finding.ERROR, "mue", ns, where(ns) + " bill " + total + " unit(s) of "
                            + entry.getKey() + " on " + dos + ", above the date-of-service limit. " + limit, fix, src));
                }
            }
        }
        if (release != null && dos.isBefore(release.effectiveDate())) {
            out.add(new Finding(Finding.INFO, "mue", List.of(), "The MUE table loaded is " + release.version()
                    + " (effective " + release.effectiveDate() + "), newer than the date of service; its values may "
                    + "differ from those in force on " + dos + ".", null, source(release, null, null)));
        }
    }

    // ---------------------------------------------------------------- add-on codes

    private void addOns(List<Line> lines, LocalDate dos, List<Finding> out) {
        Set<String> onClaim = lines.stream().map(Line::code).collect(Collectors.toSet());
        Map<String, List<Integer>> addOnLines = new LinkedHashMap<>();
        for (Line l : lines) {
            if (l.system() != null && tables.isAddOn(l.code())) {
                addOnLines.computeIfAbsent(l.code(), k -> new ArrayList<>()).add(l.n());
            }
        }
        for (Map.Entry<String, List<Integer>> entry : addOnLines.entrySet()) {
            String code = entry.getKey();
            List<Integer> ns = entry.getValue();
            List<AddOnEdit> active = tables.addOnPrimaries(code, dos);
            if (active.isEmpty()) {
                continue;
            }
            AddOnEdit any = active.get(0);
            if (active.stream().anyMatch(AddOnEdit::contractorDefined)) {
                out.add(new Finding(Finding.INFO, "add-on", ns, where(ns) + ": " + code + " is an add-on code. "
                        + any.typeExplained() + " Make sure a primary service your contractor accepts is on the claim.",
                        null, source(any.release(), any.effective(), any.deleted())));
                continue;
            }
            List<AddOnEdit> listed = active.stream().filter(e -> !e.contractorDefined()).toList();
            List<AddOnEdit> present = listed.stream().filter(e -> onClaim.contains(e.primaryCode())).toList();
            if (!present.isEmpty()) {
                continue;
            }
            boolean type1 = listed.stream().anyMatch(e -> e.type() == 1);
            List<String> examples = listed.stream().map(AddOnEdit::primaryCode).distinct().limit(8).toList();
            String more = listed.size() > examples.size() ? " and " + (listed.size() - examples.size()) + " more" : "";
            AddOnEdit first = listed.get(0);
            String message = where(ns) + ": " + code + " is an add-on code billed without an eligible primary code "
                    + "on the claim. " + first.typeExplained();
            String fix = "Report it with its primary procedure (eligible: " + String.join(", ", examples) + more
                    + "), or remove it.";
            out.add(new Finding(type1 ? Finding.ERROR : Finding.WARNING, "add-on", ns,
                    type1 ? message : message + " None of the CMS-listed primaries is on the claim; your contractor "
                            + "may accept another.", fix, source(first.release(), first.effective(), first.deleted())));
        }
    }
}
