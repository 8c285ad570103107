package com.casecoding.codes.assistant.understand;

import com.casecoding.common.codes.CodeSystem;

import java.util.Set;

/** A code-like token in a question: as typed, normalized (upper case, no dot), and the systems its shape allows. */
public record CodeMention(String typed, String code, Set<CodeSystem> shapes, int start) {
}
