package com.casecoding.codes.assistant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A question to CasePilot, optionally asked from a code page. */
public record AskRequest(
        @NotBlank(message = "must not be empty") @Size(max = 2000, message = "must be at most 2000 characters") String question,
        @Valid CodeContext code) {
}
