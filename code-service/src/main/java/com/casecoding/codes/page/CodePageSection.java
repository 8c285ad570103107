package com.casecoding.codes.page;

import com.casecoding.common.codes.CodeSystem;

/**
 * One section of the code page. Every CDI bean implementing this interface is added to the page, in {@link #order()};
 * this is how other features contribute (payment, unit limits, add-on rules, PTP edits ...):
 * <pre>
 * &#64;ApplicationScoped
 * public class PaymentSection implements CodePageSection {
 *     public String key() { return "payment"; }
 *     public String title() { return "Medicare payment"; }
 *     public int order() { return 500; }
 *     public boolean appliesTo(CodeSystem s) { return s == CodeSystem.CPT || s == CodeSystem.HCPCS; }
 *     public Object content(CodePageContext ctx) { return ...; } // a record serialized as JSON; null = omit
 * }
 * </pre>
 * Sections with {@link Access#REGISTERED} are replaced by a locked stub (title and what unlocks it) for guests.
 * Pages are cached in memory and the cache is cleared after every import ({@code ImportCompleted}) and every
 * common-language edit, so content must depend only on imported data and the code page context.
 * Built-in orders: official 100, common language 200, hierarchy 300, related 400, modifiers 700, crosswalk 800,
 * history 900. Suggested for edits: payment 500, unit limits 550, add-on 600, PTP 650.
 */
public interface CodePageSection {

    enum Access {
        /** Shown to everyone, guests included. */
        GUEST,
        /** Shown to registered users (plan free or pro); guests get a locked stub. */
        REGISTERED
    }

    /** Stable machine name of the section ({@code payment}). */
    String key();

    /** Heading shown to people ({@code Medicare payment}). */
    String title();

    int order();

    default Access access() {
        return Access.REGISTERED;
    }

    default boolean appliesTo(CodeSystem system) {
        return true;
    }

    /** The section's content for the code as of {@link CodePageContext#release()}; {@code null} leaves it out. */
    Object content(CodePageContext context);
}
