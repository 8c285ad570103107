package com.casecoding.codes.search;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Set;

/** Runs the service with {@link TestPlainTexts} in place of the default (no texts). */
public class PlainTextProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestPlainTexts.class);
    }
}
