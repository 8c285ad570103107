package com.casecoding.gateway.accounts;

import com.casecoding.common.problem.ProblemException;
import com.casecoding.gateway.config.GatewayConfig;
import jakarta.inject.Singleton;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** What a new password must satisfy: a minimum and maximum length, not a common password, not the e-mail itself. */
@Singleton
public class PasswordPolicy {

    /** Argon2 work grows with input; a cap keeps a huge "password" from being a denial of service. */
    public static final int MAX_LENGTH = 128;

    private final int minLength;
    private final Set<String> common = new HashSet<>();

    public PasswordPolicy(GatewayConfig config) {
        this.minLength = config.password().minLength();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt missing from the gateway jar");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> common.add(l.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void check(String password, String email) {
        if (password == null || password.isEmpty()) {
            throw ProblemException.invalidField("password", "is required");
        }
        if (password.length() < minLength) {
            throw ProblemException.invalidField("password", "must be at least " + minLength + " characters long");
        }
        if (password.length() > MAX_LENGTH) {
            throw ProblemException.invalidField("password", "must be at most " + MAX_LENGTH + " characters long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            throw ProblemException.invalidField("password", "is one of the most commonly used passwords; choose another");
        }
        String local = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@")[0];
        if (lower.equals(email == null ? null : email.toLowerCase(Locale.ROOT)) || (local.length() >= 4 && lower.equals(local))) {
            throw ProblemException.invalidField("password", "must not be your e-mail address");
        }
        if (password.chars().distinct().count() < 4) {
            throw ProblemException.invalidField("password", "must use at least 4 different characters");
        }
    }

    public int minLength() {
        return minLength;
    }
}
