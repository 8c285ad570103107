package com.casecoding.codes.consult;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.ManagedContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the {@link DraftWriter} within a time budget ({@code consults.draft-timeout}), so a slow assistant never holds
 * up a submission: the consult is answered "at once" either way. When the writer fails or runs out of time, the draft
 * says so and carries no suggestions. Draft writers run on their own threads, each call in a
 * request context of its own (never the caller's persistence context).
 */
@ApplicationScoped
public class InstantDrafts {

    private static final Logger LOG = Logger.getLogger(InstantDrafts.class);
    static final String FALLBACK_GENERATOR = "unavailable";

    @Inject
    DraftWriter writer;

    @Inject
    ConsultConfig config;

    private final ExecutorService pool = Executors.newFixedThreadPool(4, new ThreadFactory());

    public Draft write(DraftWriter.DraftRequest request) {
        Future<Draft> future = pool.submit(() -> inOwnRequestContext(request));
        try {
            return future.get(config.draftTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            LOG.warnf("Instant draft took longer than %s; the consult is stored with an empty draft",
                    config.draftTimeout());
            return unavailable("The automated draft took too long and was skipped.", request);
        } catch (ExecutionException e) {
            LOG.warnf(e.getCause(), "Instant draft failed; the consult is stored with an empty draft");
            return unavailable("The automated draft could not be written.", request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable("The automated draft could not be written.", request);
        }
    }

    /** A fresh request context for the writer's thread, so adapters that use Hibernate get their own session. */
    private Draft inOwnRequestContext(DraftWriter.DraftRequest request) {
        ArcContainer container = Arc.container();
        if (container == null) {
            return writer.write(request);
        }
        ManagedContext context = container.requestContext();
        context.activate();
        try {
            return writer.write(request);
        } finally {
            context.terminate();
        }
    }

    private static Draft unavailable(String why, DraftWriter.DraftRequest request) {
        List<Draft.CheckedCode> unchecked = request.consideredCodes().stream()
                .map(c -> new Draft.CheckedCode(c, null, null, null)).toList();
        return new Draft(why + " A consultant will answer you.", List.of(), List.of(), unchecked,
                FALLBACK_GENERATOR, Instant.now());
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    private static final class ThreadFactory implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "consult-draft-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
