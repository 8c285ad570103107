package com.casecoding.codes.reference.page;

import com.casecoding.codes.page.CodePageContext;
import com.casecoding.codes.page.CodePageSection;
import com.casecoding.codes.reference.RefRelease;
import com.casecoding.codes.reference.ReferenceTables;
import com.casecoding.common.codes.CodeSystem;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ICD-10-CM and ICD-10-PCS pages: what the loaded MS-DRG definitions say of the code. Diagnoses: CC (Appendix G),
 * MCC (Appendix H; Part 2 = MCC only when the patient is discharged alive) or neither, and the CC exclusion note.
 * Both: membership in Hospital-Acquired Condition categories (Appendix I) with the role the code plays.
 */
@ApplicationScoped
public class InpatientSeveritySection implements CodePageSection {

    public static final String KEY = "msDrg";

    @Inject
    ReferenceTables tables;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hac(String category, String title, int criterion, String list, String severity,
                      boolean nonOperatingRoom, int criteria, String statement) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Content(String version, int fiscalYear, String status, Boolean mccOnlyIfDischargedAlive,
                          String statement, String ccExclusions, List<Hac> hac, String hacStatement,
                          String currencyNote, RefRelease release, String note) {
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String title() {
        return "Inpatient severity (MS-DRG CC/MCC, HAC)";
    }

    @Override
    public int order() {
        return 430;
    }

    @Override
    public boolean appliesTo(CodeSystem system) {
        return system == CodeSystem.ICD10CM || system == CodeSystem.ICD10PCS;
    }

    @Override
    public Object content(CodePageContext ctx) {
        int pageFiscalYear = ctx.release().effectiveDate().getMonthValue() >= 10
                ? ctx.release().effectiveDate().getYear() + 1 : ctx.release().effectiveDate().getYear();
        return content(tables, ctx.system(), ctx.code(), ctx.displayCode(), ctx.entry().header(), pageFiscalYear);
    }

    /** The section for a code; also what CasePilot's CC/MCC answers are made of. */
    public static Content content(ReferenceTables tables, CodeSystem system, String code, String display,
                                  boolean header, int pageFiscalYear) {
        var loaded = tables.msdrg();
        if (loaded.isEmpty()) {
            return new Content(null, 0, "not-loaded", null, "No MS-DRG definitions are loaded, so CC/MCC status "
                    + "and HAC membership cannot be shown.", null, null, null, null, null, null);
        }
        ReferenceTables.MsDrg drg = loaded.get();
        String where = "MS-DRG " + drg.version() + " (FY" + drg.fiscalYear() + ")";
        String status = null;
        Boolean aliveOnly = null;
        String statement = null;
        String exclusions = null;
        if (system == CodeSystem.ICD10CM) {
            if (!drg.hasSeverityLists()) {
                status = "not-loaded";
                statement = "The loaded " + where + " release has no CC/MCC lists (Appendices G and H).";
            } else {
                ReferenceTables.Severity s = drg.severity().get(code);
                if (s == null) {
                    status = "none";
                    statement = header ? display + " is a header (category), not a reportable code: the CC and MCC "
                            + "lists of " + where + " hold billable codes only."
                            : "Neither CC nor MCC: " + display + " is in neither the CC list nor the MCC list of "
                            + where + ".";
                } else if (s.level().equals("mcc")) {
                    status = "mcc";
                    aliveOnly = s.aliveOnly();
                    statement = display + " is an MCC (major complication or comorbidity) in " + where
                            + (s.aliveOnly() ? ", but only when the patient is discharged alive (Appendix H Part 2);"
                            + " if the patient dies it counts as neither CC nor MCC." : ".");
                } else {
                    status = "cc";
                    statement = display + " is a CC (complication or comorbidity) in " + where + ".";
                }
                if (s != null) {
                    exclusions = "As a secondary diagnosis it does not count when the principal diagnosis is on "
                            + "its CC exclusion list (Appendix C of the definitions manual). Appendix C is not "
                            + "loaded, so the exclusions are not shown.";
                }
            }
        }
        List<Hac> hac = new ArrayList<>();
        String hacStatement;
        if (!drg.hasHacList()) {
            hacStatement = "The loaded " + where + " release has no HAC list (Appendix I).";
        } else {
            Map<String, Integer> criteria = new LinkedHashMap<>();
            for (ReferenceTables.HacEntry e : drg.hac(system.id(), code)) {
                int n = drg.hacByCategory().get(e.hac()).stream().mapToInt(ReferenceTables.HacEntry::criterion).max()
                        .orElse(1);
                criteria.put(e.hac(), n);
                String role = e.part().contains("PROCEDURE") ? "a procedure" : e.part().contains("PRINCIPAL")
                        ? "a principal diagnosis" : "a secondary diagnosis";
                hac.add(new Hac(e.hac(), e.hacTitle(), e.criterion(), e.part(), e.severity(), e.nonOr(), n,
                        display + " is " + role + " of HAC " + e.hac() + " (" + e.hacTitle() + ")"
                                + (n > 1 ? "; the HAC also needs a code from each of its other " + (n - 1)
                                + " list(s)." : ".")));
            }
            hacStatement = hac.isEmpty() ? display + " is in no Hospital-Acquired Condition list of " + where + "."
                    : display + " is in " + criteria.size() + " Hospital-Acquired Condition categor"
                    + (criteria.size() == 1 ? "y" : "ies") + " of " + where + ": when the condition was not present on "
                    + "admission (POA indicator N or U), it does not count as a CC or MCC in the DRG assignment.";
        }
        String currency = pageFiscalYear > drg.fiscalYear() ? "The loaded MS-DRG definitions are " + drg.version()
                + " (FY" + drg.fiscalYear() + "), older than this page's ICD-10-CM/PCS release (FY" + pageFiscalYear
                + "): codes added since FY" + drg.fiscalYear() + " are in none of its lists." : null;
        return new Content(drg.version(), drg.fiscalYear(), status, aliveOnly, statement, exclusions,
                List.copyOf(hac), hacStatement, currency, drg.release(), null);
    }
}
