package com.casecoding.common.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The secret keys of the view grant ({@link ViewGrants}), shared by the gateway (which signs with the active key) and
 * code-service (which accepts every key it holds). They are read from a folder with one key per file: the file name is
 * the key id ({@code [A-Za-z0-9][A-Za-z0-9._-]{0,62}}, as for the gateway's JWT keys; a Kubernetes Secret volume's
 * {@code ..data} links do not match), the content at least {@value #MIN_BYTES} random bytes in Base64.
 * <p>
 * Rotation: add the new key to both services' folders, restart code-service, then make it the gateway's active key
 * ({@code CASECODING_VIEW_GRANT_ACTIVE_KID}, or simply the newest file name) and restart the gateway; remove the old key
 * a grant lifetime (60 s) later.
 */
public final class ViewGrantKeys {

    /** HMAC-SHA256 keys shorter than the hash output (RFC 2104, RFC 7518 3.2) are refused. */
    public static final int MIN_BYTES = 32;
    private static final String KID = "[A-Za-z0-9][A-Za-z0-9._-]{0,62}";

    private final Map<String, byte[]> keys;
    private final String activeKid;

    private ViewGrantKeys(Map<String, byte[]> keys, String activeKid) {
        this.keys = keys;
        this.activeKid = activeKid;
    }

    /** Keys given directly (tests, tools); {@code activeKid} must be among them. */
    public static ViewGrantKeys of(Map<String, byte[]> keys, String activeKid) {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        keys.forEach((kid, secret) -> copy.put(checkedKid(kid), checkedSecret(kid, secret)));
        if (copy.isEmpty()) {
            throw new IllegalStateException("No view grant key");
        }
        if (!copy.containsKey(activeKid)) {
            throw new IllegalStateException("Active view grant key id '" + activeKid + "' is not among " + copy.keySet());
        }
        return new ViewGrantKeys(Map.copyOf(copy), activeKid);
    }

    /**
     * Reads every key file of {@code dir}. The active key is {@code activeKid} when given, else the greatest key id
     * (name keys by date, {@code 2026-05-01}, and the newest signs).
     *
     * @throws IllegalStateException with what to fix when the folder is missing or empty, or a key is unusable
     */
    public static ViewGrantKeys load(Path dir, Optional<String> activeKid) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("View grant key folder " + dir + " does not exist: create it with one key"
                    + " file (at least " + MIN_BYTES + " random bytes in Base64, e.g. `head -c 32 /dev/urandom | base64`)");
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> candidates = files.filter(f -> f.getFileName().toString().matches(KID))
                    .filter(Files::isRegularFile).sorted().toList();
            for (Path file : candidates) {
                String kid = file.getFileName().toString();
                keys.put(kid, decode(kid, Files.readString(file, StandardCharsets.US_ASCII)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read view grant keys from " + dir, e);
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("No view grant key file in " + dir);
        }
        String active = activeKid.filter(s -> !s.isBlank())
                .orElseGet(() -> keys.keySet().stream().max(Comparator.naturalOrder()).orElseThrow());
        return of(keys, active);
    }

    private static byte[] decode(String kid, String content) {
        String base64 = content.strip();
        try {
            return base64.indexOf('-') >= 0 || base64.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(base64.replace("=", ""))
                    : Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("View grant key '" + kid + "' is not Base64: " + e.getMessage());
        }
    }

    private static String checkedKid(String kid) {
        if (kid == null || !kid.matches(KID)) {
            throw new IllegalStateException("View grant key id '" + kid + "' must match " + KID);
        }
        return kid;
    }

    private static byte[] checkedSecret(String kid, byte[] secret) {
        if (secret == null || secret.length < MIN_BYTES) {
            throw new IllegalStateException("View grant key '" + kid + "' has " + (secret == null ? 0 : secret.length)
                    + " bytes; at least " + MIN_BYTES + " random bytes are needed");
        }
        return secret.clone();
    }

    public String activeKid() {
        return activeKid;
    }

    /** The secret of {@code kid}, or null when it is not held. */
    byte[] secret(String kid) {
        return keys.get(kid);
    }

    /** The key ids held (the active one among them). */
    public java.util.Set<String> kids() {
        return keys.keySet();
    }
}
