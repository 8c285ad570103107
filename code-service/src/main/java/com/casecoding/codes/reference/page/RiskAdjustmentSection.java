package com.casecoding.codes.reference.page;

import com.casecoding.codes.page.CodePageContext;
import com.casecoding.codes.page.CodePageSection;
import com.casecoding.codes.reference.HccLabels;
import com.casecoding.codes.reference.RefRelease;
import com.casecoding.codes.reference.ReferenceTables;
import com.casecoding.common.codes.CodeSystem;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * ICD-10-CM pages: the CMS-HCC categories of the code in every loaded model version and payment year (V24, V28, ...),
 * "no HCC" stated when the table holds no line for it. Labels are ours (the official label tables are not imported).
 */
@ApplicationScoped
public class RiskAdjustmentSection implements CodePageSection {

    public static final String KEY = "riskAdjustment";

    @Inject
    ReferenceTables tables;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Category(int hcc, String label) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModelMapping(String model, int paymentYear, boolean newestOfModel, String status,
                               List<Category> hccs, String statement, RefRelease release) {
    }

    public record Content(List<ModelMapping> models, String note) {
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String title() {
        return "Risk adjustment (CMS-HCC)";
    }

    @Override
    public int order() {
        return 420;
    }

    @Override
    public boolean appliesTo(CodeSystem system) {
        return system == CodeSystem.ICD10CM;
    }

    @Override
    public Object content(CodePageContext ctx) {
        return content(tables, ctx.code(), ctx.displayCode(), ctx.entry().header());
    }

    /** The section for a code; also what CasePilot's HCC answers are made of. */
    public static Content content(ReferenceTables tables, String code, String display, boolean header) {
        List<ModelMapping> models = new ArrayList<>();
        for (Map.Entry<String, List<ReferenceTables.HccTable>> e : tables.hccModels().entrySet()) {
            boolean newest = true;
            for (ReferenceTables.HccTable t : e.getValue()) {
                models.add(mapping(t, code, display, header, newest));
                newest = false;
            }
        }
        String note = models.isEmpty() ? "No CMS-HCC mapping is loaded, so no HCC can be shown."
                : "CMS-HCC tables map billable ICD-10-CM codes to Hierarchical Condition Categories; a code may map to "
                + "several HCCs or to none. Within a model, hierarchies keep only the most severe HCC of a family "
                + "for a patient. Labels are our own short wording.";
        return new Content(List.copyOf(models), note);
    }

    static ModelMapping mapping(ReferenceTables.HccTable t, String code, String display, boolean header,
                                boolean newest) {
        int[] hccs = t.hccs(code);
        List<Category> categories = new ArrayList<>();
        for (int h : hccs) {
            categories.add(new Category(h, HccLabels.label(t.model(), h).orElse(null)));
        }
        String where = "CMS-HCC " + t.model() + ", payment year " + t.paymentYear();
        String statement;
        if (!categories.isEmpty()) {
            statement = display + " maps to " + categories.stream().map(c -> "HCC " + c.hcc()
                    + (c.label() == null ? "" : " (" + c.label() + ")")).collect(Collectors.joining(" and "))
                    + " in " + where + ".";
        } else if (header) {
            statement = display + " is a header (category), not a reportable code: " + where
                    + " maps only billable codes, so it has no HCC.";
        } else {
            statement = "No HCC: " + display + " maps to no HCC in " + where + ".";
        }
        return new ModelMapping(t.model(), t.paymentYear(), newest, categories.isEmpty() ? "none" : "mapped",
                List.copyOf(categories), statement, t.release());
    }
}
