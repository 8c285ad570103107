package com.casecoding.codes.assistant.compose;

import java.util.LinkedHashMap;
import java.util.Map;

/** US state and territory names with their postal abbreviations, to find a payment locality named by its state. */
final class States {

    static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        String[] pairs = {
                "NORTH CAROLINA", "NC", "SOUTH CAROLINA", "SC", "NORTH DAKOTA", "ND", "SOUTH DAKOTA", "SD",
                "WEST VIRGINIA", "WV", "NEW HAMPSHIRE", "NH", "NEW JERSEY", "NJ", "NEW MEXICO", "NM", "NEW YORK", "NY",
                "RHODE ISLAND", "RI", "DISTRICT OF COLUMBIA", "DC", "PUERTO RICO", "PR", "VIRGIN ISLANDS", "VI",
                "ALABAMA", "AL", "ALASKA", "AK", "ARIZONA", "AZ", "ARKANSAS", "AR", "CALIFORNIA", "CA", "COLORADO", "CO",
                "CONNECTICUT", "CT", "DELAWARE", "DE", "FLORIDA", "FL", "GEORGIA", "GA", "HAWAII", "HI", "IDAHO", "ID",
                "ILLINOIS", "IL", "INDIANA", "IN", "IOWA", "IA", "KANSAS", "KS", "KENTUCKY", "KY", "LOUISIANA", "LA",
                "MAINE", "ME", "MARYLAND", "MD", "MASSACHUSETTS", "MA", "MICHIGAN", "MI", "MINNESOTA", "MN",
                "MISSISSIPPI", "MS", "MISSOURI", "MO", "MONTANA", "MT", "NEBRASKA", "NE", "NEVADA", "NV", "OHIO", "OH",
                "OKLAHOMA", "OK", "OREGON", "OR", "PENNSYLVANIA", "PA", "TENNESSEE", "TN", "TEXAS", "TX", "UTAH", "UT",
                "VERMONT", "VT", "VIRGINIA", "VA", "WASHINGTON", "WA", "WISCONSIN", "WI", "WYOMING", "WY", "GUAM", "GU"};
        for (int i = 0; i < pairs.length; i += 2) {
            NAMES.put(pairs[i], pairs[i + 1]);
        }
    }

    private States() {
    }
}
