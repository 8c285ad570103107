package com.casecoding.benchmarks;

import com.casecoding.common.security.ViewGrantKeys;
import com.casecoding.common.security.ViewGrants;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What one view grant costs to make and to check, on one core, for the choices of issue 28: the HMAC-SHA256 grant as
 * the gateway and code-service use it ({@link ViewGrants}, the whole codec), against the bare signature operations of
 * RSA-2048 (the RS256 grant of before, without any JWT parsing on top) and Ed25519, over a grant-sized input.
 * <p>
 * {@code java -cp "benchmarks/target/benchmarks-*.jar:benchmarks/target/lib/*" com.casecoding.benchmarks.GrantCost}.
 * Each operation runs for a warm-up second and then for {@code seconds} (default 3); the figure is the median of five
 * such slices, in microseconds per operation.
 */
public final class GrantCost {

    private static volatile Object sink;

    private GrantCost() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        ViewGrants hmac = new ViewGrants(ViewGrantKeys.of(Map.of("k1", secret), "k1"));
        String subject = "5f0c6a52-3b51-4c1e-9d8a-1f0e2b7c9a10";
        long now = System.currentTimeMillis() / 1000;
        String grant = hmac.sign(subject, "icd10cm/E119", now, 60);
        byte[] input = grant.substring(0, grant.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);

        KeyPair rsa = pair("RSA", 2048);
        KeyPair ed = pair("Ed25519", 0);
        byte[] rsaSignature = sign("SHA256withRSA", rsa, input);
        byte[] edSignature = sign("Ed25519", ed, input);

        System.out.println("| Operation | µs per operation |");
        System.out.println("|---|---:|");
        row("HMAC-SHA256 grant: sign (ViewGrants.sign, whole token)", seconds,
                () -> hmac.sign(subject, "icd10cm/E119", now, 60).length());
        row("HMAC-SHA256 grant: verify (ViewGrants.verify, whole token)", seconds,
                () -> hmac.verify(grant, now).isPresent() ? 1 : 0);
        row("RSA-2048 SHA256withRSA: sign (signature only)", seconds, () -> sign("SHA256withRSA", rsa, input).length);
        row("RSA-2048 SHA256withRSA: verify (signature only)", seconds,
                () -> verify("SHA256withRSA", rsa, input, rsaSignature) ? 1 : 0);
        row("Ed25519: sign (signature only)", seconds, () -> sign("Ed25519", ed, input).length);
        row("Ed25519: verify (signature only)", seconds, () -> verify("Ed25519", ed, input, edSignature) ? 1 : 0);
    }

    private static void row(String name, double seconds, LongSupplier operation) {
        measure(operation, 1.0);
        double[] slices = new double[5];
        for (int i = 0; i < slices.length; i++) {
            slices[i] = measure(operation, seconds / slices.length);
        }
        java.util.Arrays.sort(slices);
        System.out.println("| " + name + " | " + String.format(Locale.ROOT, "%.2f", slices[2]) + " |");
    }

    /** Microseconds per call of {@code operation}, run for about {@code seconds}. */
    private static double measure(LongSupplier operation, double seconds) {
        long end = System.nanoTime() + (long) (seconds * TimeUnit.SECONDS.toNanos(1));
        long calls = 0;
        long sum = 0;
        long start = System.nanoTime();
        long now;
        do {
            for (int i = 0; i < 64; i++) {
                sum += operation.getAsLong();
            }
            calls += 64;
            now = System.nanoTime();
        } while (now < end);
        sink = sum;
        return (now - start) / 1000.0 / calls;
    }

    private static KeyPair pair(String algorithm, int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (bits > 0) {
            generator.initialize(bits);
        }
        return generator.generateKeyPair();
    }

    private static byte[] sign(String algorithm, KeyPair pair, byte[] input) {
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(pair.getPrivate());
            signature.update(input);
            return signature.sign();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean verify(String algorithm, KeyPair pair, byte[] input, byte[] expected) {
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initVerify(pair.getPublic());
            signature.update(input);
            return signature.verify(expected);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
