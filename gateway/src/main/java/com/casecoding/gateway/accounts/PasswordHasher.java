package com.casecoding.gateway.accounts;

import jakarta.inject.Singleton;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), with the
 * OWASP-recommended minimum parameters. Verification reads the parameters from the stored string, so they can be raised
 * later without invalidating old hashes.
 */
@Singleton
public class PasswordHasher {

    private static final int MEMORY_KIB = 19456;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    /**
     * Verified against when an e-mail is unknown, so both cases cost the same time: a hash string with the current
     * parameters and random salt and hash bytes, which no password matches. Deriving a real one would cost an Argon2
     * run at every start.
     */
    private final String decoy = format(randomBytes(SALT_BYTES), randomBytes(HASH_BYTES));

    public String hash(String password) {
        byte[] salt = randomBytes(SALT_BYTES);
        return format(salt, derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES));
    }

    private static String format(byte[] salt, byte[] hash) {
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    public boolean verify(String password, String stored) {
        if (stored == null) {
            burnTime(password);
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 6 || !"argon2id".equals(parts[1])) {
            return false;
        }
        int memory = 0;
        int iterations = 0;
        int parallelism = 0;
        for (String p : parts[3].split(",")) {
            String[] kv = p.split("=");
            switch (kv[0]) {
                case "m" -> memory = Integer.parseInt(kv[1]);
                case "t" -> iterations = Integer.parseInt(kv[1]);
                case "p" -> parallelism = Integer.parseInt(kv[1]);
                default -> {
                    return false;
                }
            }
        }
        byte[] salt = B64D.decode(parts[4]);
        byte[] expected = B64D.decode(parts[5]);
        byte[] actual = derive(password, salt, memory, iterations, parallelism, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Runs a verification that always fails, to spend the same time as a real one. */
    public void burnTime(String password) {
        verify(password, decoy);
    }

    private static byte[] derive(String password, byte[] salt, int memory, int iterations, int parallelism, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(memory).withIterations(iterations).withParallelism(parallelism)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
