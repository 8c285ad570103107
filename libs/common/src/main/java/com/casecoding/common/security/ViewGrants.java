package com.casecoding.common.security;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The view grant: the gateway's proof, for code-service, that it counted (or found free) one account's view of one code
 * page. A JWS (RFC 7515) in compact form, HMAC-SHA256 ({@code HS256}) under a secret only the gateway and code-service
 * hold ({@link ViewGrantKeys}), with the claims {@code aud} = {@value Claims#VIEW_GRANT_AUDIENCE}, {@code sub} (the
 * account), {@code code} (the {@link com.casecoding.common.codes.CodeKey#key() code key}), {@code iat}, {@code exp}
 * and, from gateways that send it, {@code views}: the caller's view meter after this view ({@link Meter}), which
 * code-service shows in the page.
 * <p>
 * Why HMAC and not the RS256 of access tokens: signing a grant with RSA-2048 cost about a millisecond of the gateway's
 * CPU and verifying it a good part of code-service's, on every code page (issue 28); an HMAC costs a few microseconds on
 * each side. A holder of an access token cannot forge a grant (the secret never leaves the two services, and the grant
 * never reaches a client); the audience keeps an access token from passing for a grant and the other way round.
 * <p>
 * Verification is strict: the header must be exactly the one this class writes for a held key id (so {@code alg: none},
 * RS256 or an unknown {@code kid} fail before any other work), the signature is compared in constant time, and the
 * grant must not be expired ({@link #SKEW_SECONDS} of clock difference allowed), issued in the future, or longer-lived
 * than {@link #MAX_LIFETIME_SECONDS}.
 */
public final class ViewGrants {

    /** Clock difference tolerated between the gateway and code-service. */
    public static final long SKEW_SECONDS = 5;
    /** No grant is accepted whose {@code exp - iat} is longer than this, whatever signed it. */
    public static final long MAX_LIFETIME_SECONDS = 300;
    /** A grant is about 250 characters; anything much longer is not one. */
    private static final int MAX_LENGTH = 1024;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();

    /**
     * The caller's code page views after this one: the plan, its monthly limit and what is left ({@code -1}: unlimited),
     * the views used, and the sentence a page shows above itself.
     */
    public record Meter(String plan, int limit, int used, int remaining, String message) {
        public boolean unlimited() {
            return limit < 0;
        }
    }

    /** What a valid grant states. Times in epoch seconds; {@code meter} is null when the gateway sent none. */
    public record Grant(String subject, String codeKey, long issuedAt, long expiresAt, Meter meter) {
        /** Whether it states a view of {@code codeKey} by {@code subject}. */
        public boolean covers(String subject, String codeKey) {
            return this.subject.equals(subject) && this.codeKey.equals(codeKey);
        }
    }

    private final ViewGrantKeys keys;
    /** The encoded JWS header of each key id, and the key id of each encoded header. */
    private final Map<String, String> headerOfKid = new HashMap<>();
    private final Map<String, String> kidOfHeader = new HashMap<>();
    /** A {@link Mac} per thread and key id: getting and initialising one costs more than the HMAC itself. */
    private final Map<String, ThreadLocal<Mac>> macs = new HashMap<>();

    public ViewGrants(ViewGrantKeys keys) {
        this.keys = keys;
        for (String kid : keys.kids()) {
            String header = B64.encodeToString(("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}")
                    .getBytes(StandardCharsets.US_ASCII));
            headerOfKid.put(kid, header);
            kidOfHeader.put(header, kid);
            SecretKeySpec secret = new SecretKeySpec(keys.secret(kid), ALGORITHM);
            macs.put(kid, ThreadLocal.withInitial(() -> {
                try {
                    Mac mac = Mac.getInstance(ALGORITHM);
                    mac.init(secret);
                    return mac;
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("HMAC-SHA256 is not available", e);
                }
            }));
        }
    }

    /** A grant for {@code subject}'s view of {@code codeKey}, signed with the active key, valid for {@code ttlSeconds}. */
    public String sign(String subject, String codeKey, long nowEpochSeconds, long ttlSeconds) {
        return sign(subject, codeKey, nowEpochSeconds, ttlSeconds, null);
    }

    /** As {@link #sign(String, String, long, long)}, stating the caller's view meter too (null: none). */
    public String sign(String subject, String codeKey, long nowEpochSeconds, long ttlSeconds, Meter meter) {
        if (ttlSeconds <= 0 || ttlSeconds > MAX_LIFETIME_SECONDS) {
            throw new IllegalArgumentException("A view grant lives 1 to " + MAX_LIFETIME_SECONDS + " s, not " + ttlSeconds);
        }
        String kid = keys.activeKid();
        StringBuilder payload = new StringBuilder(160).append("{\"aud\":\"").append(Claims.VIEW_GRANT_AUDIENCE)
                .append("\",\"sub\":");
        string(payload, subject).append(",\"code\":");
        string(payload, codeKey).append(",\"iat\":").append(nowEpochSeconds)
                .append(",\"exp\":").append(nowEpochSeconds + ttlSeconds);
        if (meter != null) {
            payload.append(",\"views\":{\"plan\":");
            string(payload, meter.plan()).append(",\"limit\":").append(meter.limit())
                    .append(",\"used\":").append(meter.used()).append(",\"remaining\":").append(meter.remaining())
                    .append(",\"message\":");
            string(payload, meter.message()).append('}');
        }
        payload.append('}');
        String signingInput = headerOfKid.get(kid) + '.'
                + B64.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        return signingInput + '.' + B64.encodeToString(mac(kid, signingInput));
    }

    /** The claims of a grant that is genuine and valid at {@code nowEpochSeconds}; empty for anything else. */
    public Optional<Grant> verify(String token, long nowEpochSeconds) {
        if (token == null || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0 || token.indexOf('.', second + 1) >= 0) {
            return Optional.empty();
        }
        String kid = kidOfHeader.get(token.substring(0, first));
        if (kid == null) {
            return Optional.empty();
        }
        byte[] signature;
        byte[] payload;
        try {
            signature = B64_DECODER.decode(token.substring(second + 1));
            payload = B64_DECODER.decode(token.substring(first + 1, second));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(signature, mac(kid, token.substring(0, second)))) {
            return Optional.empty();
        }
        return claims(payload, nowEpochSeconds);
    }

    /**
     * The claims of an authenticated payload. Only the gateway's signer can produce one, and it writes exactly one
     * layout ({@link #sign}), so the payload is read as that layout, field by field, instead of through a general JSON
     * parser (which cost more than the HMAC); anything else is refused.
     */
    private static Optional<Grant> claims(byte[] payload, long now) {
        Reader in = new Reader(new String(payload, StandardCharsets.UTF_8));
        if (!in.expect("{\"aud\":")) {
            return Optional.empty();
        }
        String aud = in.string();
        String sub = in.expect(",\"sub\":") ? in.string() : null;
        String code = in.expect(",\"code\":") ? in.string() : null;
        long issuedAt = in.expect(",\"iat\":") ? in.number() : Long.MIN_VALUE;
        long expiresAt = in.expect(",\"exp\":") ? in.number() : Long.MIN_VALUE;
        Meter meter = null;
        if (in.next(",\"views\":{\"plan\":")) {
            String plan = in.string();
            long limit = in.expect(",\"limit\":") ? in.number() : Long.MIN_VALUE;
            long used = in.expect(",\"used\":") ? in.number() : Long.MIN_VALUE;
            long remaining = in.expect(",\"remaining\":") ? in.number() : Long.MIN_VALUE;
            String message = in.expect(",\"message\":") ? in.string() : null;
            if (!in.expect("}") || plan == null || message == null || !fitsInt(limit) || !fitsInt(used)
                    || !fitsInt(remaining)) {
                return Optional.empty();
            }
            meter = new Meter(plan, (int) limit, (int) used, (int) remaining, message);
        }
        if (!in.expect("}") || !in.atEnd() || !Claims.VIEW_GRANT_AUDIENCE.equals(aud) || sub == null || code == null
                || issuedAt == Long.MIN_VALUE || expiresAt == Long.MIN_VALUE) {
            return Optional.empty();
        }
        if (now >= expiresAt + SKEW_SECONDS || issuedAt > now + SKEW_SECONDS || expiresAt <= issuedAt
                || expiresAt - issuedAt > MAX_LIFETIME_SECONDS) {
            return Optional.empty();
        }
        return Optional.of(new Grant(sub, code, issuedAt, expiresAt, meter));
    }

    private static boolean fitsInt(long value) {
        return value >= -1 && value <= Integer.MAX_VALUE;
    }

    /** Reads the layout {@link #sign} writes; every method returns null or MIN_VALUE once anything else is met. */
    private static final class Reader {
        private final String text;
        private int at;
        private boolean failed;

        Reader(String text) {
            this.text = text;
        }

        /** Consumes {@code literal} when the text continues with it; false (and nothing consumed) otherwise. */
        boolean next(String literal) {
            if (!failed && text.startsWith(literal, at)) {
                at += literal.length();
                return true;
            }
            return false;
        }

        boolean expect(String literal) {
            if (!failed && text.startsWith(literal, at)) {
                at += literal.length();
                return true;
            }
            failed = true;
            return false;
        }

        /** A JSON string with the escapes {@link #string(StringBuilder, String)} writes. */
        String string() {
            if (failed || at >= text.length() || text.charAt(at) != '"') {
                failed = true;
                return null;
            }
            StringBuilder out = new StringBuilder(48);
            for (int i = at + 1; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    at = i + 1;
                    return out.toString();
                }
                if (c == '\\') {
                    if (i + 1 >= text.length()) {
                        break;
                    }
                    char e = text.charAt(++i);
                    if (e == '"' || e == '\\') {
                        out.append(e);
                    } else if (e == 'u' && i + 4 < text.length()) {
                        try {
                            out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                        } catch (NumberFormatException x) {
                            break;
                        }
                        i += 4;
                    } else {
                        break;
                    }
                } else if (c < 0x20) {
                    break;
                } else {
                    out.append(c);
                }
            }
            failed = true;
            return null;
        }

        /** A non-negative integer of at most 18 digits. */
        /** A whole number, optionally negative. */
        long number() {
            boolean negative = !failed && at < text.length() && text.charAt(at) == '-';
            if (negative) {
                at++;
            }
            int start = at;
            long value = 0;
            while (!failed && at < text.length() && at - start < 18 && isDigit(text.charAt(at))) {
                value = value * 10 + (text.charAt(at++) - '0');
            }
            if (failed || at == start) {
                failed = true;
                return Long.MIN_VALUE;
            }
            return negative ? -value : value;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        boolean atEnd() {
            return !failed && at == text.length();
        }
    }

    private byte[] mac(String kid, String signingInput) {
        Mac mac = macs.get(kid).get();
        return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    }

    /** A JSON string literal (RFC 8259 escapes). */
    private static StringBuilder string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"');
    }
}
