package com.casecoding.common.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The clock every service injects ({@code @Inject Clock clock}) instead of reading the wall clock: UTC in production;
 * a test replaces it with a bean of its own (this one is only the default) or with
 * {@code QuarkusMock.installMockForType(Clock.fixed(...), Clock.class)} (hence a normal scope), so no test waits on
 * real time.
 */
@Singleton
public class Clocks {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
