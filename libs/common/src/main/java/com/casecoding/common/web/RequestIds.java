package com.casecoding.common.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it looks sane, else a new UUID. The id is put back on
 * the request (so proxies and mappers see it), on the response, and in the logging MDC as {@code requestId}.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final int MAX_LENGTH = 128;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String id = accept(rc.request().getHeader(HEADER));
            rc.request().headers().set(HEADER, id);
            rc.response().headers().set(HEADER, id);
            rc.put(MDC_KEY, id);
            MDC.put(MDC_KEY, id);
            rc.next();
        }, 1000);
    }

    /** The caller's id when acceptable (1 to 128 of {@code A-Z a-z 0-9 . _ : -}), otherwise a fresh one. */
    public static String accept(String candidate) {
        return sane(candidate) ? candidate : newId();
    }

    /** Checked by hand rather than with a regular expression: it runs on every request of every service. */
    private static boolean sane(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * A random (version 4) UUID from the thread's fast generator. A request id only tells requests apart in logs and
     * is never a secret, so it does not need {@link UUID#randomUUID()}'s cryptographic generator, which every event
     * loop would share (it showed in the gateway's CPU profile).
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    public static String of(HttpServerRequest request) {
        String id = request == null ? null : request.getHeader(HEADER);
        if (id == null) {
            Object mdc = MDC.get(MDC_KEY);
            id = mdc == null ? null : mdc.toString();
        }
        return id;
    }
}
