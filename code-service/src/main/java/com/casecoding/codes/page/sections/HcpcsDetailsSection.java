package com.casecoding.codes.page.sections;

import com.casecoding.codes.page.CodePageContext;
import com.casecoding.codes.page.CodePageSection;
import com.casecoding.common.codes.CodeSystem;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;

/** HCPCS Level II administrative data from the CMS file: pricing indicators, coverage, BETOS, type of service. */
@ApplicationScoped
public class HcpcsDetailsSection implements CodePageSection {

    static final Map<String, String> COVERAGE = Map.of(
            "C", "Carrier judgment",
            "D", "Special coverage instructions apply",
            "I", "Not payable by Medicare",
            "M", "Non-covered by Medicare",
            "S", "Non-covered by Medicare statute");

    static final Map<String, String> ACTIONS = Map.of(
            "A", "Added",
            "B", "Administrative data and long description changed",
            "C", "Long description changed",
            "D", "Discontinued",
            "F", "Administrative data changed",
            "N", "No maintenance",
            "P", "Payment change",
            "R", "Re-activated",
            "S", "Short description changed",
            "T", "Miscellaneous change (BETOS, type of service)");

    @Override
    public String key() {
        return "hcpcsDetails";
    }

    @Override
    public String title() {
        return "Medicare administrative data (HCPCS file)";
    }

    @Override
    public int order() {
        return 450;
    }

    @Override
    public boolean appliesTo(CodeSystem system) {
        return system == CodeSystem.HCPCS || system == CodeSystem.MODIFIER;
    }

    @Override
    public Object content(CodePageContext ctx) {
        if (!ctx.release().dataset().equals(CodeSystem.HCPCS.id())) {
            return null; // a CPT modifier: not in the HCPCS file
        }
        Map<String, Object> out = new LinkedHashMap<>(ctx.entry().attrs());
        Object coverage = out.get("coverageCode");
        if (coverage != null) {
            out.put("coverage", COVERAGE.getOrDefault(coverage.toString(), "see the CMS record layout"));
        }
        Object action = out.get("actionCode");
        if (action != null) {
            out.put("action", ACTIONS.getOrDefault(action.toString(), "see the CMS record layout"));
        }
        return out.isEmpty() ? null : out;
    }
}
