package com.casecoding.codes.assistant.data;

/**
 * Which parts of an answer a guest may see: the same as the code page shows a guest. Each facet is a section of the
 * code page; a facet whose section is for registered users is locked in CasePilot too.
 */
public interface PageAccess {

    /** The parts of an answer that come from a section of the code page. */
    enum Facet {
        HIERARCHY, PAYMENT, UNIT_LIMITS, ADD_ON, CROSSWALK, HISTORY, RISK_ADJUSTMENT, INPATIENT_SEVERITY, TABULAR
    }

    /** True when the code page shows the facet's section to guests. */
    boolean openToGuests(Facet facet);

    /** Everything open (internal callers, tests without a page). */
    PageAccess OPEN = facet -> true;
}
