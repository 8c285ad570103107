package com.casecoding.common.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * For an HTTP/1.1 answer that goes out before the client has sent its whole body (a refused upload, an early error):
 * marks the answer {@code Connection: close} and closes the connection only once the answer is out and the rest of the
 * body has arrived, reading and dropping it meanwhile, for at most {@link #MAX_MILLIS} and {@link #MAX_BYTES}.
 * <p>
 * Closing at once would leave unread data on the socket; the kernel then resets the connection, and a reset can make the
 * client lose the answer it had already received: it would report a broken connection instead of, say, a 413. Keeping
 * the connection is no option either: it still holds part of the old request.
 */
public final class LingeringClose {

    /** How long the rest of a body is waited for before the connection is closed anyway. */
    public static final long MAX_MILLIS = 5_000;
    /** How much of the rest of a body is read and dropped before the connection is closed anyway. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    private final HttpConnection connection;
    private boolean responseDone;
    private boolean requestDone;
    private boolean closed;
    private long drained;
    private long timer = -1;
    private final Vertx vertx;

    private LingeringClose(Vertx vertx, HttpConnection connection) {
        this.vertx = vertx;
        this.connection = connection;
    }

    /**
     * Call before the answer is written. Does nothing when the body has been read already, or on HTTP/2 (whose streams
     * are independent).
     */
    public static void install(RoutingContext rc) {
        install(rc.vertx(), rc.request());
    }

    /** {@link #install(RoutingContext)} for code that has the request but no routing context (the gateway's proxy). */
    public static void install(Vertx vertx, HttpServerRequest request) {
        if (request.isEnded() || request.version() == HttpVersion.HTTP_2) {
            return;
        }
        LingeringClose lingering = new LingeringClose(vertx, request.connection());
        request.response().putHeader(HttpHeaders.CONNECTION, "close");
        request.response().endHandler(v -> lingering.responseDone());
        request.handler(buffer -> lingering.drained(buffer.length()));
        request.endHandler(v -> lingering.requestDone());
        request.exceptionHandler(e -> lingering.close());
        lingering.timer = lingering.vertx.setTimer(MAX_MILLIS, t -> lingering.close());
        request.resume();
    }

    // every call below comes on the connection's event loop

    private void responseDone() {
        responseDone = true;
        if (requestDone) {
            close();
        }
    }

    private void requestDone() {
        requestDone = true;
        if (responseDone) {
            close();
        }
    }

    private void drained(int bytes) {
        drained += bytes;
        if (drained > MAX_BYTES) {
            close();
        }
    }

    private void close() {
        if (!closed) {
            closed = true;
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
            connection.close();
        }
    }
}
