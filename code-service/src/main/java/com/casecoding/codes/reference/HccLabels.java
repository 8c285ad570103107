package com.casecoding.codes.reference;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Our own short labels for CMS-HCC categories per model version ({@code reference/hcc-labels.tsv}). */
public final class HccLabels {

    private static final Map<String, String> LABELS = new HashMap<>();

    static {
        for (String[] row : Labels.rows("reference/hcc-labels.tsv", 3)) {
            LABELS.put(row[0].strip() + "|" + Integer.parseInt(row[1].strip()), row[2].strip());
        }
    }

    private HccLabels() {
    }

    /** Our label of HCC {@code hcc} in model {@code model} ({@code V28}), if we wrote one. */
    public static Optional<String> label(String model, int hcc) {
        return Optional.ofNullable(LABELS.get(model + "|" + hcc));
    }

    /** Every label, keyed {@code V28|226}. */
    public static Map<String, String> all() {
        return Map.copyOf(LABELS);
    }
}
