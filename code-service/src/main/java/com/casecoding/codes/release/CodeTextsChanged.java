package com.casecoding.codes.release;

/**
 * CDI event: texts of the code data that are not part of a release (our plain-language texts, admin edits) changed,
 * in this process or in another replica ({@link DataGeneration}). Observers drop the pages and indexes built from them.
 *
 * @param what a short note of what changed ({@code "common-language cpt 27447"}), for the log
 */
public record CodeTextsChanged(String what) {
}
