package com.casecoding.codes.reference;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.HashMap;
import java.util.Map;

/**
 * Which Medicare Physician Fee Schedule rate a place of service gets: the facility rate (the facility bills the
 * practice expense), the non-facility rate, or none named by CMS policy for it ({@code reference/pos-payment-rates.tsv}).
 */
public enum PaymentRate {
    FACILITY("facility"), NON_FACILITY("non-facility"), NOT_LISTED("not-listed");

    private static final Map<String, PaymentRate> RATES = new HashMap<>();
    private static final Map<String, String> NOTES = new HashMap<>();

    static {
        for (String[] row : Labels.rows("reference/pos-payment-rates.tsv", 3)) {
            String code = row[0].strip();
            RATES.put(code, switch (row[1].strip()) {
                case "facility" -> FACILITY;
                case "non-facility" -> NON_FACILITY;
                default -> NOT_LISTED;
            });
            NOTES.put(code, row[2].strip());
        }
    }

    private final String id;

    PaymentRate(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public static PaymentRate of(String posCode) {
        return RATES.getOrDefault(posCode, NOT_LISTED);
    }

    /** Our note on the code's rate, or null. */
    public static String note(String posCode) {
        return NOTES.get(posCode);
    }
}
