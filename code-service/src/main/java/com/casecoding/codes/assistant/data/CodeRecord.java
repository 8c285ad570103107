package com.casecoding.codes.assistant.data;

import com.casecoding.common.codes.CodeSystem;

/**
 * One code as the assistant sees it. {@code title} is the official title where the platform may show it; it is
 * always null for CPT (the official descriptors are AMA text). {@code commonLanguage} is the platform's own
 * plain-language text, null when none has been written. {@code billable} is false for ICD-10-CM/PCS headers.
 */
public record CodeRecord(CodeSystem system, String code, String title, boolean billable, String parentCode,
                         String commonLanguage, boolean deleted, ReleaseRef release) {

    /** The code as people write it: ICD-10-CM with a dot after the third character, ICD-9 with its dot. */
    public String display() {
        return system.display(code);
    }
}
