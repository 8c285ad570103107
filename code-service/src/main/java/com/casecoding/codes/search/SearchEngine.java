package com.casecoding.codes.search;

import com.casecoding.codes.release.CodeTextsChanged;
import com.casecoding.codes.release.ImportCompleted;
import com.casecoding.common.problem.ProblemException;
import com.casecoding.common.problem.ProblemType;
import com.casecoding.common.web.AfterStart;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Owns the live {@link CodeIndex}: builds it in the background once the service is up and after every import
 * ({@link ImportCompleted}), swaps it in whole, and closes the old one after its last in-flight search.
 */
@ApplicationScoped
public class SearchEngine {

    private static final Logger LOG = Logger.getLogger(SearchEngine.class);

    /** What the status endpoint and the benchmark report. */
    public record Status(boolean ready, boolean building, int documents, long buildMillis, long indexBytes,
                         Instant builtAt, List<String> sources, String lastError) {
    }

    @Inject
    SearchConfig config;

    @Inject
    AfterStart afterStart;

    @Inject
    @Any
    Instance<SearchDocumentSource> sources;

    private final SynonymDictionary synonyms = SynonymDictionary.load();
    private final AtomicReference<CodeIndex> current = new AtomicReference<>();
    private final AtomicBoolean building = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final ExecutorService indexer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "search-indexer");
        t.setDaemon(true);
        return t;
    });
    private volatile Instant builtAt;
    private volatile List<String> sourceNames = List.of();
    private volatile String lastError;

    void onStart(@Observes StartupEvent event) {
        if (config.buildAtStart()) {
            afterStart.run("search-index-at-start", () -> requestRebuild("start"));
        }
    }

    void onImport(@Observes ImportCompleted event) {
        requestRebuild("import of " + event.datasets());
    }

    void onTexts(@Observes CodeTextsChanged event) {
        requestRebuild("texts changed: " + event.what());
    }

    void onStop(@Observes ShutdownEvent event) {
        indexer.shutdownNow();
    }

    /**
     * Schedules a rebuild; requests during a build coalesce into one more build after it. A request that arrives
     * while the worker is finishing is never lost: the worker looks at {@code again} once more after it cleared
     * {@code building}, and takes the build back if a request slipped in between.
     */
    public void requestRebuild(String reason) {
        again.set(true);
        if (!building.compareAndSet(false, true)) {
            return;
        }
        indexer.submit(() -> buildWhileRequested(reason));
    }

    private void buildWhileRequested(String reason) {
        do {
            try {
                while (again.getAndSet(false)) {
                    rebuildNow(reason);
                }
            } finally {
                building.set(false);
            }
            // a request between the last getAndSet and building.set(false) saw building=true and left the build to
            // this worker: take it back (or leave it to the worker that request started)
        } while (again.get() && building.compareAndSet(false, true));
    }

    private void rebuildNow(String reason) {
        try {
            List<SearchDocument> docs = new ArrayList<>(250_000);
            List<String> names = new ArrayList<>();
            for (SearchDocumentSource source : sources) {
                int before = docs.size();
                try {
                    source.load(docs::add);
                    names.add(source.name() + " (" + (docs.size() - before) + ")");
                } catch (Exception e) {
                    if (current.get() != null) {
                        throw e;
                    }
                    // first build: serve what the other sources have rather than nothing
                    docs.subList(before, docs.size()).clear();
                    names.add(source.name() + " (failed)");
                    LOG.errorf(e, "search source %s failed; building the first index without it", source.name());
                }
            }
            CodeIndex index = CodeIndex.build(docs, synonyms);
            CodeIndex old = current.getAndSet(index);
            builtAt = Instant.now();
            sourceNames = List.copyOf(names);
            lastError = null;
            if (old != null) {
                old.decRef();
            }
            LOG.infof("search index built (%s): %d codes in %d ms, %.1f MB, from %s", reason, index.size(),
                    index.buildMillis(), index.indexBytes() / 1048576.0, names);
        } catch (Exception e) {
            lastError = e.getClass().getSimpleName();
            LOG.errorf(e, "search index build failed (%s); the previous index stays in service", reason);
        }
    }

    /** Runs {@code work} on the live index, keeping it open meanwhile; 503 while the first build runs. */
    public <T> T withIndex(Function<CodeIndex, T> work) {
        for (int attempt = 0; attempt < 3; attempt++) {
            CodeIndex index = current.get();
            if (index == null) {
                throw new ProblemException(ProblemType.UPSTREAM_UNAVAILABLE, 503,
                        "The search index is being built; try again in a few seconds.").header("Retry-After", "5");
            }
            if (index.tryIncRef()) {
                try {
                    return work.apply(index);
                } finally {
                    index.decRef();
                }
            }
        }
        throw new ProblemException(ProblemType.UPSTREAM_UNAVAILABLE, 503,
                "The search index is being replaced; try again.").header("Retry-After", "1");
    }

    public Optional<SearchDocument> find(String system, String code) {
        return withIndex(index -> index.find(system, code));
    }

    public boolean ready() {
        return current.get() != null;
    }

    /** For tests and benchmarks: waits until an index is in service and no build is pending. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (ready() && !building.get() && !again.get()) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    public Status status() {
        CodeIndex index = current.get();
        return new Status(index != null, building.get(), index == null ? 0 : index.size(),
                index == null ? 0 : index.buildMillis(), index == null ? 0 : index.indexBytes(), builtAt,
                sourceNames, lastError);
    }
}
