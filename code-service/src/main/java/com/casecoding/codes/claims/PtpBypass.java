package com.casecoding.codes.claims;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** NCCI rules about which modifiers show that two services were distinct (PTP modifier indicator 1). */
public final class PtpBypass {

    /** Modifiers that say "distinct procedural service" outright. */
    static final Set<String> DISTINCT = Set.of("59", "XE", "XS", "XP", "XU");

    /** Anatomic modifiers: they show distinct services only when the two lines name different sites. */
    static final Set<String> ANATOMIC = Set.of("E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6",
            "F7", "F8", "F9", "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "LT", "RT", "LC", "LD",
            "LM", "RC", "RI");

    private PtpBypass() {
    }

    /**
     * The modifier that lets a PTP pair with indicator 1 through, if any: 59/XE/XS/XP/XU on either line, or
     * anatomic modifiers naming different sites on the two lines.
     */
    public static Optional<String> bypass(List<String> column1Modifiers, List<String> column2Modifiers) {
        for (String m : column2Modifiers) {
            if (DISTINCT.contains(m)) {
                return Optional.of(m);
            }
        }
        for (String m : column1Modifiers) {
            if (DISTINCT.contains(m)) {
                return Optional.of(m);
            }
        }
        List<String> a1 = column1Modifiers.stream().filter(ANATOMIC::contains).toList();
        List<String> a2 = column2Modifiers.stream().filter(ANATOMIC::contains).toList();
        if (!a1.isEmpty() && !a2.isEmpty() && a1.stream().noneMatch(a2::contains)) {
            return Optional.of(a2.get(0));
        }
        return Optional.empty();
    }
}
