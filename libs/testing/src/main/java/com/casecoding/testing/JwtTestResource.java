package com.casecoding.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Makes the service under test verify tokens and view grants against the throwaway {@link TestKeys}. */
public class JwtTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestKeys keys = TestKeys.get();
        return Map.of(
                "mp.jwt.verify.publickey.location", keys.jwksFile.toUri().toString(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER,
                "casecoding.view-grant.key-dir", keys.viewGrantKeyDir.toString());
    }

    @Override
    public void stop() {
    }
}
