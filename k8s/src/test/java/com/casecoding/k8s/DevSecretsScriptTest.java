package com.casecoding.k8s;

import static com.casecoding.k8s.Rendered.name;
import static com.casecoding.k8s.Rendered.podSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** k8s/scripts/create-dev-secrets.sh creates every Secret, with every key, that the dev overlay reads. */
class DevSecretsScriptTest {

    @BeforeAll
    static void kubectl() {
        Kubectl.require();
    }

    private static Rendered printedSecrets() throws IOException, InterruptedException {
        Path script = OverlayManifestsTest.k8sDir().resolve("scripts/create-dev-secrets.sh");
        Process p = new ProcessBuilder("bash", script.toString(), "--print")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "script timed out");
        assertEquals(0, p.exitValue(), "create-dev-secrets.sh --print exit code");
        return Rendered.parse("create-dev-secrets.sh --print", out);
    }

    @Test
    void theScriptCreatesWhatTheDevOverlayReads() throws Exception {
        Rendered dev = OverlayManifestsTest.overlay("dev").plus(OverlayManifestsTest.jobs());
        Rendered secrets = printedSecrets();
        String namespace = dev.ofKind("Namespace").get(0).path("metadata").path("name").asText();
        List<String> missing = new ArrayList<>();
        for (JsonNode s : secrets.ofKind("Secret")) {
            assertEquals(namespace, s.path("metadata").path("namespace").asText(), name(s) + " namespace");
        }
        for (JsonNode w : dev.workloads()) {
            for (JsonNode c : podSpec(w).path("containers")) {
                for (JsonNode e : c.path("env")) {
                    JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                    if (ref.isMissingNode() || ref.path("optional").asBoolean(false)) {
                        continue;
                    }
                    String secret = ref.path("name").asText();
                    String key = ref.path("key").asText();
                    boolean present = secrets.find("Secret", secret).map(s -> s.path("data").has(key)).orElse(false);
                    if (!present) {
                        missing.add(secret + "/" + key + " (read by " + Rendered.id(w) + ")");
                    }
                }
            }
            for (JsonNode vol : podSpec(w).path("volumes")) {
                if (vol.has("secret") && secrets.find("Secret", vol.path("secret").path("secretName").asText()).isEmpty()) {
                    missing.add(vol.path("secret").path("secretName").asText() + " (mounted by " + Rendered.id(w) + ")");
                }
            }
        }
        assertTrue(missing.isEmpty(), "the script does not create: " + missing);
    }

    @Test
    void theSigningKeyIsNamedAfterTheActiveKidAndIsPkcs8() throws Exception {
        Rendered dev = OverlayManifestsTest.overlay("dev");
        String activeKid = dev.ofKind("ConfigMap").stream()
                .filter(c -> name(c).startsWith("gateway-config"))
                .findFirst().orElseThrow()
                .path("data").path("GATEWAY_JWT_ACTIVE_KID").asText();
        JsonNode keys = printedSecrets().find("Secret", "gateway-jwt-keys").orElseThrow().path("data");
        assertTrue(keys.has(activeKid), "gateway-jwt-keys holds a file named after the active kid " + activeKid);
        String pem = new String(Base64.getDecoder().decode(keys.path(activeKid).asText()), StandardCharsets.US_ASCII);
        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----"), "PKCS#8 PEM expected");
        Map<String, String> passwords = Map.of(
                "gateway-db", "password", "code-service-db", "password", "careers-service-db", "password");
        Rendered secrets = printedSecrets();
        passwords.forEach((secret, key) -> {
            String value = new String(Base64.getDecoder().decode(
                    secrets.find("Secret", secret).orElseThrow().path("data").path(key).asText()), StandardCharsets.UTF_8);
            assertTrue(value.length() >= 32, secret + " has a random password");
        });
    }
}
