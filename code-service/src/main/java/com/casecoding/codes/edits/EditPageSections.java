package com.casecoding.codes.edits;

import com.casecoding.codes.page.AddOnLookup;
import com.casecoding.codes.page.CodePageContext;
import com.casecoding.codes.page.CodePageSection;
import com.casecoding.codes.release.CodeSystem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Optional;

/**
 * The payment, unit-limit and add-on sections of CPT/HCPCS code pages (registered users; guests get the page's
 * locked stub), and the page's add-on flag. The code page caches pages until the next import, which is also when
 * these tables change. The fee at a locality is added per request by {@link LocalityFeeFilter}.
 */
public final class EditPageSections {

    private EditPageSections() {
    }

    static boolean procedure(CodeSystem s) {
        return s == CodeSystem.CPT || s == CodeSystem.HCPCS;
    }

    /** Section body, or a note when the tables hold nothing for the code. */
    static Object content(PaymentSections.Section section) {
        return section.body() != null ? section.body() : Map.of("note", section.note());
    }

    @ApplicationScoped
    public static class Payment implements CodePageSection {
        @Inject
        PaymentSections sections;

        public String key() {
            return PaymentSections.PAYMENT;
        }

        public String title() {
            return "Medicare payment";
        }

        public int order() {
            return 500;
        }

        public boolean appliesTo(CodeSystem system) {
            return procedure(system);
        }

        public Object content(CodePageContext ctx) {
            return EditPageSections.content(sections.payment(ctx.code(), null));
        }
    }

    @ApplicationScoped
    public static class UnitLimits implements CodePageSection {
        @Inject
        PaymentSections sections;

        public String key() {
            return PaymentSections.UNIT_LIMITS;
        }

        public String title() {
            return "Unit limits (MUE)";
        }

        public int order() {
            return 550;
        }

        public boolean appliesTo(CodeSystem system) {
            return procedure(system);
        }

        public Object content(CodePageContext ctx) {
            return EditPageSections.content(sections.unitLimits(ctx.code()));
        }
    }

    @ApplicationScoped
    public static class AddOnRules implements CodePageSection {
        @Inject
        PaymentSections sections;

        public String key() {
            return PaymentSections.ADD_ON;
        }

        public String title() {
            return "Add-on code rules";
        }

        public int order() {
            return 600;
        }

        public boolean appliesTo(CodeSystem system) {
            return procedure(system);
        }

        public Object content(CodePageContext ctx) {
            return EditPageSections.content(sections.addOnRules(ctx.code()));
        }
    }

    /** The page's {@code addOn} flag from the NCCI add-on code edits (unknown while they are not imported). */
    @ApplicationScoped
    public static class AddOnFlag implements AddOnLookup {
        @Inject
        EditTables tables;

        public Optional<Boolean> isAddOn(String system, String code) {
            if (tables.release(EditDataset.NCCI_AOC).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(tables.isAddOn(code));
        }
    }
}
