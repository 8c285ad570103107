package com.casecoding.common.codes;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class CanonicalPathTest {

    @Test
    void canonicalPathsPass() {
        for (String path : new String[]{"/", "/api/codes/icd10cm/E11.9", "/api/search", "/q/health/ready",
                "/q/swagger-ui/", "/api/jobs/3f2a-b", "/api/x/a%20b", "/api/x/caf%C3%A9", "/.well-known/jwks.json"}) {
            assertNull(CanonicalPath.problem(path), path);
        }
    }

    @Test
    void everyOtherSpellingOfAPathIsRefused() {
        for (String path : new String[]{"/api/codes/icd10cm/K219/;", "/api/codes/icd10cm/K219;x=1",
                "/api/codes/icd10cm/K219/", "/api/codes/icd10cm/K219//", "//api/codes/icd10cm/K219",
                "/api/x/../codes/icd10cm/F329", "/api/./codes/icd10cm/F329", "/api/codes/icd10cm/..",
                "/api/%63odes/icd10cm/F329", "/api/codes/icd10cm/F32%2E9", "/api/codes%2Ficd10cm/F329",
                "/api/codes/icd10cm/F329%00", "/api/codes\\icd10cm\\F329", "/api/codes/icd10cm/F32%", "/api/x%zz",
                "/api/codes/icd10cm/F329\t", "api/codes", "", "/api/codes/icd10cm/F329%3b", "/api/x%25"}) {
            assertNotNull(CanonicalPath.problem(path), path);
        }
    }
}
