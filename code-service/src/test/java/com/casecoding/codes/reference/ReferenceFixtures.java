package com.casecoding.codes.reference;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Our own small reference files in the publishers' layouts ({@code src/test/resources/reference/fixtures}). */
public final class ReferenceFixtures {

    private ReferenceFixtures() {
    }

    public static Path folder() {
        try {
            return Path.of(ReferenceFixtures.class.getClassLoader().getResource("reference/fixtures").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
