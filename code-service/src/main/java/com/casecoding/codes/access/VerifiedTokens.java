package com.casecoding.codes.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Access tokens that passed the full check (RS256 signature against the gateway's JWKS, issuer, audience, expiry: the
 * {@code mp.jwt.verify.*} settings), remembered by the SHA-256 of the token so that the same token again costs a hash
 * and a lookup instead of a signature check and a JSON parse (about 100 µs; issue 28).
 * <p>
 * An entry is used only while the clock is before the token's {@code exp}, and for at most
 * {@code code-service.verified-token-cache.max-age} (5 minutes) after it was verified, so a key removed from the JWKS
 * stops being trusted within that time. Only verified tokens are stored; at most
 * {@code code-service.verified-token-cache.size} entries (10,000, about 3 KB each), least recently used go first; 0 turns
 * the cache off.
 */
@ApplicationScoped
public class VerifiedTokens {

    private final JWTParser parser;
    private final Duration maxAge;
    private final Cache<Key, Entry> verified;
    private Clock clock = Clock.systemUTC();

    /** A token's SHA-256: equal tokens, equal keys; the token itself is not kept as a key. */
    private record Key(long a, long b, long c, long d) {
    }

    private record Entry(JsonWebToken jwt, long usableUntilMillis) {
    }

    @Inject
    public VerifiedTokens(JWTParser parser,
                          @ConfigProperty(name = "code-service.verified-token-cache.size", defaultValue = "10000") int size,
                          @ConfigProperty(name = "code-service.verified-token-cache.max-age", defaultValue = "5m")
                          Duration maxAge) {
        this.parser = parser;
        this.maxAge = maxAge;
        this.verified = Caffeine.newBuilder().maximumSize(Math.max(0, size))
                .expireAfter(new Expiry<Key, Entry>() {
                    @Override
                    public long expireAfterCreate(Key key, Entry entry, long currentTime) {
                        return Math.max(0, Duration.ofMillis(entry.usableUntilMillis() - clock.millis()).toNanos());
                    }

                    @Override
                    public long expireAfterUpdate(Key key, Entry entry, long currentTime, long currentDuration) {
                        return expireAfterCreate(key, entry, currentTime);
                    }

                    @Override
                    public long expireAfterRead(Key key, Entry entry, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    /** For tests: the clock entries are checked against. */
    void useClock(Clock clock) {
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    /** The verified token from memory, or empty when it was not verified before (or its entry ran out). */
    public Optional<JsonWebToken> remembered(String token) {
        Entry entry = verified.getIfPresent(key(token));
        // checked here as well: the cache's own expiry is evaluated lazily
        if (entry == null || clock.millis() >= entry.usableUntilMillis()) {
            return Optional.empty();
        }
        return Optional.of(entry.jwt());
    }

    /**
     * The token verified in full, or from memory when it passed before. Verifying may fetch the JWKS: call it off the
     * event loop when it is not {@link #remembered}.
     *
     * @throws ParseException when the token is not valid
     */
    public JsonWebToken verify(String token) throws ParseException {
        Optional<JsonWebToken> known = remembered(token);
        if (known.isPresent()) {
            return known.get();
        }
        JsonWebToken jwt = parser.parse(token);
        long now = clock.millis();
        long until = Math.min(jwt.getExpirationTime() * 1000L, now + maxAge.toMillis());
        if (until > now) {
            verified.put(key(token), new Entry(jwt, until));
        }
        return jwt;
    }

    private static Key key(String token) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] d = sha256.digest(token.getBytes(StandardCharsets.ISO_8859_1));
        return new Key(word(d, 0), word(d, 8), word(d, 16), word(d, 24));
    }

    private static long word(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xFF);
        }
        return value;
    }
}
