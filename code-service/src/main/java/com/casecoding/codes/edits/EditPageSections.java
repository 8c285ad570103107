package com.casecoding.codes.edits;

import com.casecoding.codes.page.AddOnLookup;
import com.casecoding.codes.page.CodePageContext;
import com.casecoding.codes.page.CodePageSection;
import com.casecoding.common.codes.CodeSystem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.casecoding.codes.page.CodePage;
import com.casecoding.codes.page.FeeScheduleLookup;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The payment, unit-limit, add-on and modifier sections of CPT/HCPCS code pages (registered users; guests get the page's
 * locked stub), and the page's add-on flag. The code page caches pages until the next import, which is also when
 * these tables change. The fee at a locality is added per request by {@link LocalityFeeFilter}.
 */
public final class EditPageSections {

    private EditPageSections() {
    }

    /** Section body, or a note when the tables hold nothing for the code. */
    static Object content(PaymentSections.Section section) {
        return section.body() != null ? section.body() : Map.of("note", section.note());
    }

    /** A registered-only CPT/HCPCS page section built by {@link PaymentSections}. */
    abstract static class EditSection implements CodePageSection {
        private final String key;
        private final String title;
        private final int order;
        private final Builder build;

        @Inject
        PaymentSections sections;

        /** Builds the section for a code on the page's date. */
        interface Builder {
            PaymentSections.Section build(PaymentSections sections, String code, LocalDate asOf);
        }

        EditSection(String key, String title, int order, Builder build) {
            this.key = key;
            this.title = title;
            this.order = order;
            this.build = build;
        }

        public String key() {
            return key;
        }

        public String title() {
            return title;
        }

        public int order() {
            return order;
        }

        public boolean appliesTo(CodeSystem system) {
            return system == CodeSystem.CPT || system == CodeSystem.HCPCS;
        }

        public Object content(CodePageContext ctx) {
            return EditPageSections.content(build.build(sections, ctx.code(), ctx.asOf()));
        }
    }

    @ApplicationScoped
    public static class Payment extends EditSection {
        public Payment() {
            super(PaymentSections.PAYMENT, "Medicare payment", 500, (built, code, asOf) -> built.payment(code, null,
                    asOf));
        }
    }

    @ApplicationScoped
    public static class UnitLimits extends EditSection {
        public UnitLimits() {
            super(PaymentSections.UNIT_LIMITS, "Unit limits (MUE)", 550, PaymentSections::unitLimits);
        }
    }

    @ApplicationScoped
    public static class AddOnRules extends EditSection {
        public AddOnRules() {
            super(PaymentSections.ADD_ON, "Add-on code rules", 600, PaymentSections::addOnRules);
        }
    }

    @ApplicationScoped
    public static class Modifiers extends EditSection {
        public Modifiers() {
            super(PaymentSections.MODIFIERS, "Modifiers", 700, (built, code, asOf) -> built.modifiers(code));
        }
    }

    /** The page's {@code feeSchedule}: the status code of the code's fee schedule row, explained. */
    @ApplicationScoped
    public static class FeeStatus implements FeeScheduleLookup {
        @Inject
        EditTables tables;

        public Optional<CodePage.FeeSchedule> status(String system, String code) {
            return tables.rvu(code).stream().findFirst().map(r -> new CodePage.FeeSchedule(r.status(),
                    Explanations.status(r.status()), r.release() == null ? null : r.release().version()));
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
