package com.casecoding.codes.release;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code /q/health} (and {@code /q/health/ready}) names, per loaded dataset, the release in effect today or why none
 * is, so an operator sees stale data. It always reports UP: stale reference data is an operator's task (import the
 * new release), not a reason to take the service out of the load balancer.
 */
@Readiness
@ApplicationScoped
public class ReleaseCurrencyCheck implements HealthCheck {

    @Inject
    ReleaseCatalog releases;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("code-releases").up();
        try {
            LocalDate today = releases.today();
            b.withData("asOf", today.toString());
            List<String> stale = releases.datasets().stream().map(d -> releases.currency(d, today))
                    .filter(c -> !c.covered() && c.state() != Currency.State.FINAL).map(Currency::dataset).toList();
            b.withData("notCovered", stale.isEmpty() ? "none" : String.join(", ", stale));
            for (String dataset : releases.datasets()) {
                Currency c = releases.currency(dataset, today);
                b.withData(dataset, c.covered() ? "current: " + c.inEffect().version() + " (" + period(c.inEffect())
                        + ")" : c.state().id() + ": " + c.notice());
            }
        } catch (RuntimeException e) {
            // the database check reports a database outage; this one only reports what it could not read
            b.withData("error", "release list not readable: " + e.getClass().getSimpleName());
        }
        return b.build();
    }

    private static String period(Currency.Ref r) {
        return r.validTo() == null ? "from " + r.validFrom() : r.validFrom() + " to " + r.validTo();
    }
}
