package com.casecoding.testing;

import com.casecoding.common.security.KeyEncoding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;

/**
 * TEST KEYS ONLY: an RSA key pair made fresh in each test JVM, written to a temporary folder as a PKCS#8 PEM (for
 * signing) and a JWKS file (for verifying). Nothing here is ever committed or used outside tests.
 */
public final class TestKeys {

    public static final String KID = "test-key-1";
    public static final String VIEW_GRANT_KID = "test-grant-1";
    private static TestKeys instance;

    public final KeyPair pair;
    public final Path privateKeyPem;
    public final Path jwksFile;
    public final Path publicKeyPem;
    /** A folder holding only the private key as {@code test-key-1.pem}: the gateway's key-dir layout. */
    public final Path keyDir;
    /** TEST KEY ONLY: the view grant secret, fresh per JVM, shared by the gateway and code-service under test. */
    public final byte[] viewGrantSecret;
    /** A folder holding only {@link #viewGrantSecret} as {@value #VIEW_GRANT_KID}: the view grant key-dir layout. */
    public final Path viewGrantKeyDir;

    private TestKeys(KeyPair pair, Path dir) throws IOException {
        this.pair = pair;
        this.privateKeyPem = dir.resolve("test-private.pem");
        this.publicKeyPem = dir.resolve("test-public.pem");
        this.jwksFile = dir.resolve("test-jwks.json");
        Files.writeString(privateKeyPem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicKeyPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.writeString(jwksFile, "{\"keys\":[" + KeyEncoding.rsaJwk((RSAPublicKey) pair.getPublic(), KID) + "]}");
        this.keyDir = Files.createDirectories(dir.resolve("key-dir"));
        Files.writeString(keyDir.resolve(KID + ".pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        this.viewGrantSecret = new byte[32];
        new java.security.SecureRandom().nextBytes(viewGrantSecret);
        this.viewGrantKeyDir = Files.createDirectories(dir.resolve("view-grant-keys"));
        Files.writeString(viewGrantKeyDir.resolve(VIEW_GRANT_KID),
                java.util.Base64.getEncoder().encodeToString(viewGrantSecret));
    }

    /** Signs and verifies view grants with the test grant key, as the gateway and code-service under test do. */
    public com.casecoding.common.security.ViewGrants viewGrants() {
        return new com.casecoding.common.security.ViewGrants(com.casecoding.common.security.ViewGrantKeys.of(
                java.util.Map.of(VIEW_GRANT_KID, viewGrantSecret), VIEW_GRANT_KID));
    }

    public static synchronized TestKeys get() {
        if (instance == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                Path dir = Files.createTempDirectory("casecoding-test-keys");
                dir.toFile().deleteOnExit();
                instance = new TestKeys(generator.generateKeyPair(), dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public PrivateKey privateKey() {
        return pair.getPrivate();
    }

    public static String pem(String type, byte[] der) {
        return KeyEncoding.pem(type, der);
    }
}
