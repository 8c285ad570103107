package com.casecoding.codes.edits;

import java.time.LocalDate;

/**
 * One NCCI procedure-to-procedure edit: the column 2 code is not paid with the column 1 code on the same date of
 * service unless the modifier indicator is 1 and a modifier shows a distinct service. Deletion date inclusive.
 */
public record PtpEdit(String column1, String column2, boolean before1996, LocalDate effective, LocalDate deleted,
                      int modifierIndicator, String rationale, CareSetting setting, EditRelease release) {

    public boolean activeOn(LocalDate date) {
        return !date.isBefore(effective) && (deleted == null || !date.isAfter(deleted));
    }

    public String modifierExplained() {
        return Explanations.ptpModifier(modifierIndicator);
    }
}
