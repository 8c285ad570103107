package com.casecoding.common.codes;

import java.util.Optional;

/**
 * One code of one system in stored form: what a code page is about, what a view is counted under and what a view
 * grant names. {@link #key()} ({@code icd10cm/E119}) is the only spelling of it anywhere.
 */
public record CodeKey(CodeSystem system, String code) {

    public CodeKey {
        if (system == null || !system.accepts(code)) {
            throw new IllegalArgumentException("not a " + system + " code in stored form: " + code);
        }
    }

    /** The code as typed, in the system with this URL id; empty when either is not one. */
    public static Optional<CodeKey> parse(String systemId, String typedCode) {
        return CodeSystem.fromId(systemId).flatMap(s -> s.normalize(typedCode).map(c -> new CodeKey(s, c)));
    }

    /** {@code icd10cm/E119}: counted views, view grants and caches use this form. */
    public String key() {
        return system.id() + "/" + code;
    }

    /** The code as people write it ({@code E11.9}). */
    public String display() {
        return system.display(code);
    }

    @Override
    public String toString() {
        return key();
    }
}
