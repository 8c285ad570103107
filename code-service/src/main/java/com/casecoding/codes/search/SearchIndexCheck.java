package com.casecoding.codes.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * A replica is ready once its search index is in service: until the first build after start (a few seconds on the
 * full import, see the README), search would answer 503, so the load balancer keeps sending to the older pods. Later
 * rebuilds keep the previous index in service and never make the replica unready.
 */
@Readiness
@ApplicationScoped
public class SearchIndexCheck implements HealthCheck {

    @Inject
    SearchEngine search;

    @Inject
    SearchConfig config;

    @Override
    public HealthCheckResponse call() {
        SearchEngine.Status status = search.status();
        boolean expected = config.buildAtStart();
        return HealthCheckResponse.named("search-index").status(status.ready() || !expected)
                .withData("documents", status.documents())
                .withData("building", status.building())
                .build();
    }
}
