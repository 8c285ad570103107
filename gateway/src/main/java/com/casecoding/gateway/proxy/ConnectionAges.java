package com.casecoding.gateway.proxy;

import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The age bound of one route's kept-alive upstream connections. A pool keeps a connection for as long as requests keep
 * it busy, so after a scale-up the new upstream pods would get only the connections opened after them: the load stays
 * on the old ones. Here every connection is timed from its opening; the first request sent on one older than the bound
 * carries {@code Connection: close}, so the upstream answers it and the connection ends (no request is cut off), and
 * the next request opens a new connection, which the Service spreads over all pods.
 */
final class ConnectionAges {

    private final long maxAgeNanos;
    private final Map<HttpConnection, Long> openedAt = new ConcurrentHashMap<>();

    ConnectionAges(Duration maxAge) {
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** Registered as the client's connect handler: remembers when {@code connection} was opened. */
    void opened(HttpConnection connection) {
        openedAt.put(connection, System.nanoTime());
        connection.closeHandler(ignored -> openedAt.remove(connection));
    }

    /** Marks {@code request} as the last one on its connection when that connection has reached its age. */
    HttpClientRequest retireIfOld(HttpClientRequest request) {
        HttpConnection connection = request.connection();
        Long opened = connection == null ? null : openedAt.get(connection);
        if (opened != null && System.nanoTime() - opened >= maxAgeNanos) {
            request.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            openedAt.remove(connection);
        }
        return request;
    }

    /** Connections currently tracked (open and not yet retired). */
    int tracked() {
        return openedAt.size();
    }
}
