package com.casecoding.codes.page.sections;

import com.casecoding.codes.release.CodeKinds;
import com.casecoding.codes.page.CodePageContext;
import com.casecoding.codes.page.CodePageSection;
import com.casecoding.common.codes.CodeSystem;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The official long and short descriptions; for CPT only when a licensee's AMA files were imported. */
@ApplicationScoped
public class OfficialSection implements CodePageSection {

    static final String CPT_LICENSE_NOTICE = "The official CPT descriptor is copyrighted by the American Medical "
            + "Association and is shown only where licensed AMA data files have been imported. This installation has "
            + "the CPT code numbers only.";
    static final String CPT_MODIFIER_NOTICE = "CPT modifiers are AMA content: their official descriptors are shown "
            + "only where licensed AMA data files have been imported. This installation lists the modifier numbers.";

    /**
     * @param namedBy for CPT numbers known from the CMS files: the files that name the code
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Official(String longDescription, String shortDescription, String mediumDescription,
                           boolean licenseRequired, String notice, String source, List<String> namedBy) {
    }

    @Override
    public String key() {
        return "official";
    }

    @Override
    public String title() {
        return "Official description";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Access access() {
        return Access.GUEST;
    }

    @Override
    public Object content(CodePageContext ctx) {
        CodePageContext.Entry e = ctx.entry();
        String source = ctx.system().label() + " " + ctx.release().version() + ", effective "
                + ctx.release().effectiveDate();
        boolean cptModifier = ctx.system() == CodeSystem.MODIFIER && CodeKinds.isCptModifier(ctx.code());
        if (ctx.system() == CodeSystem.CPT || cptModifier) {
            Object named = e.attrs().get("namedBy");
            List<String> namedBy = named instanceof List<?> l ? l.stream().map(Object::toString).toList() : null;
            if (e.longTitle() == null) {
                return new Official(null, null, null, true, cptModifier ? CPT_MODIFIER_NOTICE : CPT_LICENSE_NOTICE,
                        "CPT " + ctx.release().version() + (namedBy == null ? "" : ": the number as the CMS files "
                        + "name it"), namedBy);
            }
            Object medium = e.attrs().get("mediumDescriptor");
            return new Official(e.longTitle(), e.shortTitle(), medium == null ? null : medium.toString(), false,
                    "CPT copyright American Medical Association. All rights reserved.", source, null);
        }
        return new Official(e.longTitle(), e.shortTitle(), null, false, null, source, null);
    }
}
