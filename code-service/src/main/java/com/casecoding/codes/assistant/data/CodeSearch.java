package com.casecoding.codes.assistant.data;

import com.casecoding.common.codes.CodeSystem;

import java.util.List;
import java.util.Optional;

/** Free-text search over the loaded code sets. */
public interface CodeSearch {

    record Hit(CodeSystem system, String code, String title, boolean billable, String why) {
        public String display() {
            return system.display(code);
        }
    }

    /** The best hits for the words, optionally in one system, best first. */
    List<Hit> search(String words, Optional<CodeSystem> system, int limit);
}
