package com.casecoding.codes.consult;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request, from the verified token. Reading it records the caller's current address in the
 * {@link ContactDirectory} (once per request): that is how notifications and inbound mail know registered users.
 */
@RequestScoped
public class CurrentCaller {

    @Inject
    JsonWebToken jwt;

    @Inject
    ContactDirectory contacts;

    private Caller caller;

    public Caller get() {
        if (caller == null) {
            caller = Caller.of(jwt);
            contacts.remember(caller);
        }
        return caller;
    }
}
