package com.casecoding.common.web;

import com.casecoding.common.problem.Problem;
import com.casecoding.common.problem.ProblemType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets a stopping service finish every request it took before anything shuts down. When the stop begins
 * ({@link ShutdownDelayInitiatedEvent}, the first step of Quarkus' shutdown, enabled by
 * {@code quarkus.shutdown.delay-enabled}):
 * <ol>
 * <li>a new request gets a 503 problem+json with {@code Connection: close} and {@code Retry-After} (a client or load
 * balancer tries another instance);</li>
 * <li>the stop waits until the requests in progress are answered (at most {@link #MAX_WAIT}).</li>
 * </ol>
 * Quarkus' own graceful shutdown ({@code quarkus.shutdown.timeout}) waits for requests too, later; with it alone, under
 * load a proxied request was now and then still in progress when the connections closed (its filter checks "still
 * running?" before it counts a request, so one passing the check in the instant the stop begins may not be waited
 * for). Here a request is counted first and checked second, so none slips through.
 * <p>
 * Left to the clients: Vert.x 4.5 closes its HTTP server by detaching it from the event loops first and closing the
 * listening socket last, so a connection accepted in that instant is closed before its request is read (Vert.x logs
 * "Failed to register an accepted channel"). Such a request was never taken: an idempotent one is sent again on a new
 * connection by HTTP clients (RFC 9112, 9.3.1; the gateway does), and in Kubernetes the pod has left the Service's
 * endpoints during its preStop pause before the stop begins. Closing the socket first would need Vert.x internals
 * (its connection's Netty channel); Vert.x 5's {@code HttpServer.shutdown} closes it first.
 */
@ApplicationScoped
public class ShutdownGate {

    private static final Logger LOG = Logger.getLogger(ShutdownGate.class);
    static final Duration MAX_WAIT = Duration.ofSeconds(10);

    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean closing;

    @Inject
    ObjectMapper json;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            active.incrementAndGet();
            if (closing) {
                active.decrementAndGet();
                rc.response().putHeader(HttpHeaders.CONNECTION, "close").putHeader("Retry-After", "1");
                ProblemResponses.end(rc.response(), Problem.of(ProblemType.UPSTREAM_UNAVAILABLE, 503,
                        "This instance is shutting down. Retry; another instance will answer.", rc.request().path(),
                        RequestIds.of(rc.request())), json);
                return;
            }
            // once the response is done, the connection closed or the request failed
            rc.addEndHandler(done -> active.decrementAndGet());
            rc.next();
        }, 2000);
    }

    void onStopBegins(@Observes ShutdownDelayInitiatedEvent event) throws InterruptedException {
        closing = true;
        long begin = System.nanoTime();
        long deadline = begin + MAX_WAIT.toNanos();
        while (active.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        long waited = (System.nanoTime() - begin) / 1_000_000;
        if (active.get() > 0) {
            LOG.warnf("Stopping with %d request(s) still in progress after %d ms", active.get(), waited);
        } else {
            LOG.infof("Stopping: every request taken is answered (waited %d ms)", waited);
        }
    }
}
