package com.casecoding.codes.claims;

import java.time.LocalDate;
import java.util.List;

/** The outcome of a claim check; {@code clean} = no errors and no warnings. */
public record ClaimCheckResult(LocalDate dateOfService, String setting, boolean clean, String summary, int errors,
                               int warnings, int infos, List<Finding> findings) {
}
