package com.casecoding.careers.applications;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A coder's application: a cover note and a résumé, as a link or as text (at least one of the two). */
@Schema(name = "ApplicationRequest")
public record ApplicationRequest(
        @Size(max = 5000) String coverNote,
        @Schema(example = "https://files.example/resume.pdf") @Size(max = 1000) String resumeUrl,
        @Size(max = 20000) String resumeText) {
}
