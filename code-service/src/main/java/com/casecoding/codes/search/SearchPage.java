package com.casecoding.codes.search;

import java.util.List;

/**
 * A page of results.
 *
 * @param total       how many codes match in all
 * @param mode        {@code code} when the text was read as a code or code prefix, {@code text} otherwise,
 *                    {@code relaxed} when not every word could be matched, {@code none} when nothing searchable was typed
 * @param corrections typed words that were not found, with the spellings searched instead ("pnuemonia" to "pneumonia")
 * @param expansions  lay terms and abbreviations recognised, with the official wording searched as well
 */
public record SearchPage(long total, String mode, List<SearchHit> results, List<Correction> corrections,
                         List<Expansion> expansions) {

    public record Correction(String typed, List<String> searched) {
    }

    public record Expansion(String typed, List<String> searched) {
    }

    public static SearchPage empty(String mode) {
        return new SearchPage(0, mode, List.of(), List.of(), List.of());
    }
}
