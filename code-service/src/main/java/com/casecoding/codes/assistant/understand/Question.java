package com.casecoding.codes.assistant.understand;

import com.casecoding.common.codes.CodeSystem;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A question taken apart: its intent, the codes it names, the system it hints at, a date or fiscal year when it
 * asks about one, and the words left for a search.
 */
public record Question(String text, Intent intent, List<CodeMention> mentions, Optional<CodeSystem> systemHint,
                       Optional<LocalDate> date, Optional<Integer> fiscalYear, String searchWords) {
}
