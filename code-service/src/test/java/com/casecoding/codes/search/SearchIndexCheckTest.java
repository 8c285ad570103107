package com.casecoding.codes.search;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 27: a new replica is not ready while its first search index is still being built. */
class SearchIndexCheckTest {

    @Test
    void notReadyUntilTheFirstIndexIsInService() {
        assertEquals(HealthCheckResponse.Status.DOWN, check(false, true, true).getStatus());
        assertEquals(HealthCheckResponse.Status.UP, check(true, false, true).getStatus());
        // a rebuild keeps the previous index in service: still ready
        assertEquals(HealthCheckResponse.Status.UP, check(true, true, true).getStatus());
        // no index is built at start (a command-line import): nothing to wait for
        assertEquals(HealthCheckResponse.Status.UP, check(false, false, false).getStatus());
    }

    private static HealthCheckResponse check(boolean ready, boolean building, boolean buildAtStart) {
        SearchIndexCheck check = new SearchIndexCheck();
        check.search = new SearchEngine() {
            @Override
            public Status status() {
                return new Status(ready, building, ready ? 10 : 0, 0, 0, Instant.EPOCH, List.of(), null);
            }
        };
        check.config = (SearchConfig) Proxy.newProxyInstance(SearchConfig.class.getClassLoader(),
                new Class<?>[]{SearchConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("buildAtStart")) {
                        return buildAtStart;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return check.call();
    }
}
