package com.casecoding.codes.assistant.understand;

import com.casecoding.common.codes.CodeSystem;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A question taken apart: its intent, the codes it names, the system it hints at, a date or fiscal year when it
 * asks about one, the modifiers it names (RT, 25), a dose (40 mg), and the words left for a search.
 */
public record Question(String text, Intent intent, List<CodeMention> mentions, Optional<CodeSystem> systemHint,
                       Optional<LocalDate> date, Optional<Integer> fiscalYear, String searchWords, List<String> modifiers,
                       Optional<Dose> dose) {

    /** A dose the question names ("40 mg"): amount and unit as written, the unit in lower case. */
    public record Dose(java.math.BigDecimal amount, String unit) {
    }
}
