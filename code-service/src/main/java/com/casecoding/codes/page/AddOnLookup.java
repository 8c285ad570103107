package com.casecoding.codes.page;

import java.util.Optional;

/**
 * Whether a CPT/HCPCS code is an add-on code. Implemented by the feature that imports the NCCI add-on code edits (a
 * CDI bean); without one, the page leaves {@code addOn} out (unknown).
 */
public interface AddOnLookup {

    /** Empty when the add-on edits say nothing about the code's system (not loaded). */
    Optional<Boolean> isAddOn(String system, String code);
}
