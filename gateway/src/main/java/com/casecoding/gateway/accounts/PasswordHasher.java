package com.casecoding.gateway.accounts;

import com.casecoding.common.problem.ProblemException;
import com.casecoding.common.problem.ProblemType;
import com.casecoding.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), with the
 * OWASP-recommended minimum parameters. Verification reads the parameters from the stored string, so they can be raised
 * later without invalidating old hashes.
 * <p>
 * Every derivation (hash, verify, and the decoy run for an unknown e-mail) allocates its memory parameter on the heap
 * (19 MiB and some, {@link #BYTES_PER_KIB}), so they run under {@link HashPermits}: at most as many at once as
 * {@code gateway.password.hash-heap-share} of the maximum heap holds (or {@code gateway.password.max-concurrent-hashes}),
 * the others wait in a short, bounded queue and are then refused with 503 and {@code Retry-After}.
 */
@Singleton
public class PasswordHasher {

    private static final Logger LOG = Logger.getLogger(PasswordHasher.class);

    static final int MEMORY_KIB = 19456;
    /**
     * Heap bytes a derivation allocates per KiB of its memory parameter: Bouncy Castle keeps each 1 KiB block as a
     * {@code long[128]} in its own object (measured: 19.69 MiB for m=19456), rounded up.
     */
    static final long BYTES_PER_KIB = 1064;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    private final HashPermits permits;
    private final Duration retryAfter;
    private final Counter refused;
    /**
     * Verified against when an e-mail is unknown, so both cases cost the same time: a hash string with the current
     * parameters and random salt and hash bytes, which no password matches. Deriving a real one would cost an Argon2
     * run at every start.
     */
    private final String decoy = format(randomBytes(SALT_BYTES), randomBytes(HASH_BYTES));

    @Inject
    public PasswordHasher(GatewayConfig config, MeterRegistry registry) {
        GatewayConfig.Password p = config.password();
        this.permits = new HashPermits(p.maxConcurrentHashes().orElseGet(() -> HashPermits.derive(
                Runtime.getRuntime().maxMemory(), p.hashHeapShare(), MEMORY_KIB * BYTES_PER_KIB)),
                p.hashQueueSize(), p.hashQueueWait());
        this.retryAfter = p.hashQueueWait().plusSeconds(1);
        LOG.infof("Password hashing: %d at once (max heap %d MiB, %d MiB each), %d may wait up to %s",
                permits.permits(), Runtime.getRuntime().maxMemory() >> 20, (MEMORY_KIB * BYTES_PER_KIB) >> 20,
                p.hashQueueSize(), p.hashQueueWait());
        this.refused = Counter.builder("gateway.password.hash.refused")
                .description("Password hashes refused (503) because every permit was taken and the queue was full")
                .register(registry);
        Gauge.builder("gateway.password.hash.active", permits, HashPermits::inUse)
                .description("Permits of running password hashes").register(registry);
        Gauge.builder("gateway.password.hash.waiting", permits, HashPermits::waiting)
                .description("Password hashes waiting for a permit").register(registry);
    }

    /** For tests: {@code concurrent} hashes at once, nobody waits. */
    PasswordHasher(int concurrent) {
        this.permits = new HashPermits(concurrent, 0, Duration.ZERO);
        this.retryAfter = Duration.ofSeconds(1);
        this.refused = null;
    }

    public String hash(String password) {
        byte[] salt = randomBytes(SALT_BYTES);
        return format(salt, bounded(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES));
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
        if (memory < 1 || iterations < 1 || parallelism < 1) {
            return false;
        }
        byte[] actual = bounded(password, salt, memory, iterations, parallelism, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Runs a verification that always fails, to spend the same time as a real one. */
    public void burnTime(String password) {
        verify(password, decoy);
    }

    /**
     * Derives under the permits: a hash with more memory than the current parameters (an old stored hash after the
     * parameters were lowered, say) takes as many permits as its memory needs.
     *
     * @throws ProblemException 503 with Retry-After when no permit came free in time
     */
    private byte[] bounded(String password, byte[] salt, int memory, int iterations, int parallelism, int length) {
        int weight = (int) Math.min(Integer.MAX_VALUE, ((long) memory + MEMORY_KIB - 1) / MEMORY_KIB);
        boolean acquired;
        try {
            acquired = permits.acquire(weight);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            if (refused != null) {
                refused.increment();
            }
            long seconds = Math.max(1, retryAfter.toSeconds());
            throw new ProblemException(ProblemType.UPSTREAM_UNAVAILABLE, 503,
                    "Too many sign-ins and registrations are being processed right now. Try again in " + seconds
                            + " second" + (seconds == 1 ? "" : "s") + ".")
                    .header("Retry-After", Long.toString(seconds));
        }
        try {
            return derive(password, salt, memory, iterations, parallelism, length);
        } finally {
            permits.release(weight);
        }
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
