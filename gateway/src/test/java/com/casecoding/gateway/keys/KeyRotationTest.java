package com.casecoding.gateway.keys;

import com.casecoding.common.security.KeyEncoding;
import com.casecoding.gateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rotation: every key in the folder is published, the configured one signs, a wrong setting stops the start. */
class KeyRotationTest {

    private static void writeKey(Path dir, String name) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Files.writeString(dir.resolve(name), KeyEncoding.pem("PRIVATE KEY",
                generator.generateKeyPair().getPrivate().getEncoded()));
    }

    private static GatewayConfig config(Path dir, String activeKid) {
        GatewayConfig.Jwt jwt = (GatewayConfig.Jwt) Proxy.newProxyInstance(KeyRotationTest.class.getClassLoader(),
                new Class<?>[]{GatewayConfig.Jwt.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "keyDir" -> Optional.of(dir.toString());
                    case "activeKid" -> Optional.ofNullable(activeKid);
                    case "generateIfMissing" -> false;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (GatewayConfig) Proxy.newProxyInstance(KeyRotationTest.class.getClassLoader(),
                new Class<?>[]{GatewayConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("jwt")) {
                        return jwt;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void bothKeysArePublishedDuringARotationAndTheActiveOneSigns(@TempDir Path dir) throws Exception {
        writeKey(dir, "2026-05.pem");
        writeKey(dir, "2026-11");
        Files.createDirectories(dir.resolve("..data"));
        KeyRing ring = new KeyRing(config(dir, "2026-05"));
        assertTrue(ring.jwks().contains("\"kid\":\"2026-05\""));
        assertTrue(ring.jwks().contains("\"kid\":\"2026-11\""));
        assertEquals("2026-05", ring.active().kid());
        assertEquals("2026-11", new KeyRing(config(dir, null)).active().kid(), "newest key by name when unset");
    }

    @Test
    void anUnknownActiveKidOrAnEmptyFolderStopsTheStart(@TempDir Path dir) throws Exception {
        assertThrows(IllegalStateException.class, () -> new KeyRing(config(dir, null)));
        writeKey(dir, "k1.pem");
        assertThrows(IllegalStateException.class, () -> new KeyRing(config(dir, "k2")));
        Files.writeString(dir.resolve("broken.pem"), "not a key");
        assertThrows(IllegalStateException.class, () -> new KeyRing(config(dir, "k1")));
    }
}
