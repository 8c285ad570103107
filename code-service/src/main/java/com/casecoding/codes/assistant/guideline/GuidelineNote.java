package com.casecoding.codes.assistant.guideline;

import java.util.List;

/** One of the platform's own guideline notes (markdown under {@code guidelines/}), cited by id. */
public record GuidelineNote(String id, String title, List<String> keywords, String body, String source) {
}
