package com.casecoding.codes.edits;

import java.time.LocalDate;

/**
 * One NCCI add-on code edit row: an add-on code, one eligible primary code ({@code CCCCC} for type 2), their
 * deletion dates and the edit's effective and deletion dates (inclusive).
 */
public record AddOnEdit(int type, String addOnCode, LocalDate addOnDeleted, String primaryCode,
                        LocalDate primaryDeleted, LocalDate effective, LocalDate deleted, String notes,
                        EditRelease release) {

    /** Whether the edit row applies on the date: edit in effect, and neither code deleted before it. */
    public boolean activeOn(LocalDate date) {
        return !date.isBefore(effective)
                && (deleted == null || !date.isAfter(deleted))
                && (addOnDeleted == null || !date.isAfter(addOnDeleted))
                && (primaryDeleted == null || !date.isAfter(primaryDeleted));
    }

    public boolean contractorDefined() {
        return type == 2;
    }

    public String typeExplained() {
        return Explanations.aocType(type);
    }
}
