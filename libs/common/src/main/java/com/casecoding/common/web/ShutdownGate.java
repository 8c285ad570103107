package com.casecoding.common.web;

import com.casecoding.common.problem.Problem;
import com.casecoding.common.problem.ProblemType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.netty.channel.Channel;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.impl.ConnectionBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lets a stopping service finish every request it took before anything shuts down. When the stop begins
 * ({@link ShutdownDelayInitiatedEvent}, the first step of Quarkus' shutdown, enabled by
 * {@code quarkus.shutdown.delay-enabled}):
 * <ol>
 * <li>the listening socket closes, so a new connection is refused at once (a client or load balancer tries another
 * instance) instead of being accepted and then dropped;</li>
 * <li>a new request on a connection that is already open gets a 503 problem+json with {@code Connection: close};</li>
 * <li>the stop waits until the requests in progress are answered (at most {@link #MAX_WAIT}).</li>
 * </ol>
 * Quarkus' own graceful shutdown ({@code quarkus.shutdown.timeout}) waits for requests too, later; with it alone, under
 * load a proxied request was now and then still in progress when the connections closed (its filter checks "still
 * running?" before it counts a request, so one passing the check in the instant the stop begins may not be waited
 * for). Here a request is counted first and checked second, so none slips through. And Vert.x closes its HTTP server
 * by detaching it from the event loops first and closing the listening socket last: a connection accepted in between
 * was closed before its request was read. Closing the socket first leaves no such instant.
 */
@ApplicationScoped
public class ShutdownGate {

    private static final Logger LOG = Logger.getLogger(ShutdownGate.class);
    static final Duration MAX_WAIT = Duration.ofSeconds(10);

    private final AtomicInteger active = new AtomicInteger();
    /** The listening sockets requests came in on (the parent channel of each connection). */
    private final Set<Channel> listeners = ConcurrentHashMap.newKeySet();
    private volatile Channel lastListener;
    private volatile boolean closing;

    @Inject
    ObjectMapper json;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            active.incrementAndGet();
            remember(rc.request().connection());
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

    /**
     * Notes the listening socket of a connection (one per port: a single comparison once it is known). This is the one
     * place main code still reaches into Vert.x internals ({@code ConnectionBase}, listed in SupportedApisTest): Vert.x
     * 4.5 has no public way to close a server's listening socket before its event loops let go of it, and a connection
     * accepted in between is dropped unread (GracefulShutdownIT). Vert.x 5's {@code HttpServer.shutdown} closes the
     * socket first; with Quarkus on it, this method and the listener set go.
     */
    private void remember(HttpConnection connection) {
        if (connection instanceof ConnectionBase base) {
            Channel listener = base.channel().parent();
            if (listener != null && listener != lastListener) {
                listeners.add(listener);
                lastListener = listener;
            }
        }
    }

    void onStopBegins(@Observes ShutdownDelayInitiatedEvent event) throws InterruptedException {
        closing = true;
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            // dev mode keeps its HTTP server listening across a live reload, which stops and starts the application
            closeListeners();
        }
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

    /** Stops accepting connections; those already open stay open until Quarkus closes them after the drain. */
    private void closeListeners() {
        for (Channel listener : listeners) {
            if (!listener.close().awaitUninterruptibly(2, TimeUnit.SECONDS)) {
                LOG.warnf("The listening socket %s did not close within 2 s", listener.localAddress());
            }
        }
        LOG.infof("Stopping: no new connections accepted (%d listening socket(s) closed)", listeners.size());
    }
}
