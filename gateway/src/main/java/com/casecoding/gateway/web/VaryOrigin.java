package com.casecoding.gateway.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every answer of the gateway says {@code Vary: Origin}: the CORS headers (allowed origin, credentials) depend on the
 * request's {@code Origin}, so a shared cache must not give one origin's answer to another. A {@code Vary} the
 * upstream already sent is kept and {@code Origin} added to it; an answer that varies by everything ({@code *}) or
 * already by Origin is left alone.
 */
@ApplicationScoped
public class VaryOrigin {

    /** Before every other filter (the shutdown gate is 2000, CORS runs after the filters), so all answers get it. */
    static final int PRIORITY = 2500;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            rc.addHeadersEndHandler(v -> addTo(rc.response().headers()));
            rc.next();
        }, PRIORITY);
    }

    static void addTo(MultiMap headers) {
        for (String value : headers.getAll("Vary")) {
            for (String token : value.split(",")) {
                String name = token.trim();
                if (name.equals("*") || name.equalsIgnoreCase("Origin")) {
                    return;
                }
            }
        }
        headers.add("Vary", "Origin");
    }
}
