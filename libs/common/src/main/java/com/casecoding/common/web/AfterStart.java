package com.casecoding.common.web;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs start-up work that requests do not wait for (building a search index, scanning the import folder) on its own
 * thread shortly after the HTTP server listens ({@link #GRACE}, for the first probes and requests of a cold JVM),
 * instead of at {@code StartupEvent}. On a small machine such work would otherwise compete for the CPU with the start
 * itself and delay readiness by a second or more.
 * <p>
 * Should the server-start event never come (a test profile without HTTP), the work starts after {@link #LATEST} anyway.
 */
@ApplicationScoped
public class AfterStart {

    private static final Logger LOG = Logger.getLogger(AfterStart.class);
    /** The longest a task waits for the HTTP server. */
    static final Duration LATEST = Duration.ofSeconds(10);
    /** How long after the server listens the work starts. */
    static final Duration GRACE = Duration.ofSeconds(1);

    private final CompletableFuture<Void> listening = new CompletableFuture<>();
    private volatile boolean stopping;

    void onHttpStart(@ObservesAsync HttpServerStart event) {
        listening.complete(null);
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        listening.complete(null);
    }

    /** Starts {@code task} on a new daemon thread named {@code threadName} once the HTTP server listens. */
    public void run(String threadName, Runnable task) {
        Thread thread = new Thread(() -> {
            awaitListening(threadName);
            if (!stopping) {
                task.run();
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void awaitListening(String threadName) {
        try {
            listening.get(LATEST.toMillis(), TimeUnit.MILLISECONDS);
            if (!stopping) {
                Thread.sleep(GRACE.toMillis());
            }
        } catch (TimeoutException e) {
            LOG.debugf("%s: no HTTP server start seen within %s; starting anyway", threadName, LATEST);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
