package com.casecoding.codes.release;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The service's clock: "today" for release currency and code status is the UTC date of this clock. Tests replace it
 * ({@code QuarkusMock.installMockForType(Clock.fixed(...), Clock.class)}); another bean of type {@link Clock}
 * replaces this default.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
