package com.casecoding.codes.reference;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Our own short labels for the MS-DRG Major Diagnostic Categories ({@code reference/mdc-labels.tsv}). */
public final class MdcLabels {

    private static final Map<String, String> LABELS = new HashMap<>();

    static {
        for (String[] row : Labels.rows("reference/mdc-labels.tsv", 2)) {
            LABELS.put(row[0].strip(), row[1].strip());
        }
    }

    private MdcLabels() {
    }

    public static Optional<String> label(String mdc) {
        return mdc == null ? Optional.empty() : Optional.ofNullable(LABELS.get(mdc));
    }
}
