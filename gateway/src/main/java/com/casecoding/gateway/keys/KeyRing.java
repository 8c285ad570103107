package com.casecoding.gateway.keys;

import com.casecoding.common.security.KeyEncoding;
import com.casecoding.gateway.config.GatewayConfig;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The gateway's RSA signing keys. Every key in the key folder is published in the JWKS (so tokens signed with an older
 * key stay valid during a rotation); the active one signs. Keys never leave the process except as public JWKs.
 */
@Singleton
@Startup
public class KeyRing {

    private static final Logger LOG = Logger.getLogger(KeyRing.class);

    public record SigningKey(String kid, PrivateKey privateKey, RSAPublicKey publicKey) {
    }

    private final Map<String, SigningKey> keys = new LinkedHashMap<>();
    private final SigningKey active;
    private final String jwks;

    public KeyRing(GatewayConfig config) {
        Path dir = Path.of(config.jwt().keyDir().filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalStateException(
                        "No JWT signing keys: set GATEWAY_JWT_KEY_DIR to a folder of PKCS#8 PEM private keys")));
        try {
            if (config.jwt().generateIfMissing() && listPem(dir).isEmpty()) {
                generate(dir, "dev-" + LocalDate.now());
            }
            for (Path file : listPem(dir)) {
                String kid = file.getFileName().toString().replaceFirst("\\.pem$", "");
                keys.put(kid, load(kid, Files.readString(file, StandardCharsets.US_ASCII)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read JWT keys from " + dir, e);
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("No private key file in " + dir);
        }
        String activeKid = config.jwt().activeKid().filter(s -> !s.isBlank())
                .orElse(keys.keySet().stream().max(Comparator.naturalOrder()).orElseThrow());
        active = keys.get(activeKid);
        if (active == null) {
            throw new IllegalStateException("Active key id '" + activeKid + "' is not among " + keys.keySet());
        }
        List<String> jwks = new ArrayList<>();
        keys.values().forEach(k -> jwks.add(KeyEncoding.rsaJwk(k.publicKey(), k.kid())));
        this.jwks = "{\"keys\":[" + String.join(",", jwks) + "]}";
        LOG.infof("JWT keys loaded: %s (signing with %s)", keys.keySet(), active.kid());
    }

    public SigningKey active() {
        return active;
    }

    /** The public keys as a JSON Web Key Set. */
    public String jwks() {
        return jwks;
    }

    private static List<Path> listPem(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            // a Kubernetes Secret volume also holds "..data" links: take regular files named like key ids
            return files.filter(f -> f.getFileName().toString().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}"))
                    .filter(Files::isRegularFile).sorted().toList();
        }
    }

    static SigningKey load(String kid, String pem) {
        try {
            String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            KeyFactory factory = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
            RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return new SigningKey(kid, privateKey, publicKey);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("Key '" + kid + "' is not a PKCS#8 RSA private key in PEM form", e);
        }
    }

    private static void generate(Path dir, String kid) throws IOException {
        try {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] der = generator.generateKeyPair().getPrivate().getEncoded();
            String pem = KeyEncoding.pem("PRIVATE KEY", der);
            Path file = dir.resolve(kid + ".pem");
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            LOG.warnf("Generated a development JWT signing key %s in %s", kid, dir);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
