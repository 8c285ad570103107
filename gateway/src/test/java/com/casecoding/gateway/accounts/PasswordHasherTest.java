package com.casecoding.gateway.accounts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(4);

    @Test
    void aHashVerifiesItsOwnPasswordOnly() {
        String stored = hasher.hash("correct horse battery staple");
        assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), stored);
        assertTrue(hasher.verify("correct horse battery staple", stored));
        assertFalse(hasher.verify("correct horse battery stapl", stored));
    }

    @Test
    void everyHashHasItsOwnSalt() {
        assertNotEquals(hasher.hash("same password"), hasher.hash("same password"));
    }

    @Test
    void anUnknownAccountIsRefusedAfterARealDerivation() {
        String stored = hasher.hash("some password");
        long real = time(() -> hasher.verify("another password", stored));
        long unknown = time(() -> assertFalse(hasher.verify("another password", null)));
        // the decoy has the same parameters, so it costs an Argon2 run too, not a string comparison (loose bound: no
        // timing flakiness, only "did it derive at all")
        assertTrue(unknown * 20 > real, "decoy took " + unknown + " ns, a real verification " + real + " ns");
    }

    @Test
    void malformedStoredHashesAreRefused() {
        assertFalse(hasher.verify("x", "$bcrypt$whatever"));
        assertFalse(hasher.verify("x", "$argon2id$v=19$m=19456,t=2,q=1$c2FsdA$aGFzaA"));
        assertFalse(hasher.verify("x", "not a hash"));
    }

    private static long time(Runnable r) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            r.run();
            best = Math.min(best, System.nanoTime() - t0);
        }
        return best;
    }
}
