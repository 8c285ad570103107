package com.casecoding.common.security;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/** PEM and JWK encodings of RSA keys, shared by the gateway's key ring and the test key helpers. */
public final class KeyEncoding {

    private KeyEncoding() {
    }

    /** A PEM block ({@code PRIVATE KEY} for PKCS#8, {@code PUBLIC KEY} for X.509) around DER bytes. */
    public static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** The public JWK (RFC 7517) of an RSA signing key for RS256. */
    public static String rsaJwk(RSAPublicKey key, String kid) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"n\":\""
                + b64.encodeToString(unsigned(key.getModulus())) + "\",\"e\":\""
                + b64.encodeToString(unsigned(key.getPublicExponent())) + "\"}";
    }

    /** Big-endian magnitude without the sign byte, as JWK wants it. */
    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }
}
