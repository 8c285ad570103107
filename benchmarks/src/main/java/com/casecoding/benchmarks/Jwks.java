package com.casecoding.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** Turns the gateway's published JWKS into a PEM public key (for HAProxy's jwt_verify). */
final class Jwks {

    private Jwks() {
    }

    /** The RSA key with {@code kid}, or the first RSA key when {@code kid} is null, as "BEGIN PUBLIC KEY" PEM. */
    static String rsaPublicKeyPem(String jwksJson, String kid) throws Exception {
        JsonNode keys = new ObjectMapper().readTree(jwksJson).path("keys");
        for (JsonNode key : keys) {
            if (!"RSA".equals(key.path("kty").asText()) || (kid != null && !kid.equals(key.path("kid").asText()))) {
                continue;
            }
            BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asText()));
            BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asText()));
            PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
            return "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(publicKey.getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
        }
        throw new IllegalArgumentException("no RSA key" + (kid == null ? "" : " with kid " + kid) + " in the JWKS");
    }
}
