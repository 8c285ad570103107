package com.casecoding.codes.page;

import java.util.Optional;

/**
 * The Medicare Physician Fee Schedule status of a CPT/HCPCS code for the page's {@code feeSchedule}. Implemented by
 * the feature that imports the fee schedule (a CDI bean); without one, or when the code is not in it, the page
 * leaves {@code feeSchedule} out.
 */
public interface FeeScheduleLookup {

    Optional<CodePage.FeeSchedule> status(String system, String code);
}
