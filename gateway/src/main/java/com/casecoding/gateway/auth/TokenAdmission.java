package com.casecoding.gateway.auth;

import com.casecoding.gateway.web.IpAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * What a verified access token must pass besides its signature and claims, on the proxy and on the gateway's own
 * endpoints alike: a guest token is used from the network it was issued to ({@code net}), and the token is not
 * revoked ({@link Revocations}); a privileged one (admin role) is in addition checked against the stored account.
 */
@ApplicationScoped
public class TokenAdmission {

    public static final String GUEST_ELSEWHERE = "This guest token was issued to another network. Get a new one from "
            + "POST /api/auth/guest, or register a free account.";

    @Inject
    Revocations revocations;

    /**
     * Why {@code caller} may not go on from {@code client} (a problem detail for a 401), or null: memory only. The
     * client's address is asked for only for a guest token.
     */
    public String refusal(Caller caller, Supplier<IpAddress> client) {
        if (caller.network() != null && !caller.network().contains(client.get())) {
            return GUEST_ELSEWHERE;
        }
        return revocations.refusal(caller);
    }

    /** Whether {@link #storedRefusal} must be asked too (blocking). */
    public boolean needsStoredCheck(Caller caller) {
        return caller.privileged();
    }

    /** The check against the database, for privileged tokens: null when the token still holds. */
    public String storedRefusal(Caller caller) throws SQLException {
        return revocations.storedRefusal(caller);
    }
}
