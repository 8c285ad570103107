package com.casecoding.gateway.accounts;

import com.casecoding.gateway.support.Accounts;
import com.casecoding.gateway.support.GatewayTestResource;
import com.casecoding.testing.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Start-up on one database by several gateways: the first-admin creation runs in each (AdminBootstrap) at the same
 * moment and must create one account, not fail the start of all but one on the unique e-mail; Flyway migrates on a
 * connection without the pool's socket timeout, so a long migration is not cut off.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class AdminBootstrapRaceTest {

    @Inject
    AuthService auth;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Flyway flyway;

    @Test
    void gatewaysCreatingTheFirstAdminTogetherCreateOneAccount() throws Exception {
        String email = Accounts.uniqueEmail();
        String password = "Bootstrap-" + UUID.randomUUID();
        int gateways = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(gateways);
        try {
            List<CompletableFuture<UUID>> created = new ArrayList<>();
            for (int i = 0; i < gateways; i++) {
                created.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return auth.ensureAdmin(email, password).id;
                }, pool));
            }
            start.countDown();
            Set<UUID> ids = new HashSet<>();
            for (CompletableFuture<UUID> c : created) {
                ids.add(c.join());
            }
            assertEquals(1, ids.size(), "every start sees the same administrator: " + ids);
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*), bool_and(roles LIKE '%admin%') FROM account WHERE email = ?")) {
            s.setString(1, email.toLowerCase(java.util.Locale.ROOT));
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                assertEquals(1, r.getInt(1), "one account row");
                assertTrue(r.getBoolean(2), "with the admin role");
            }
        }
    }

    @Test
    void flywayMigratesWithoutThePoolsSocketTimeout() throws Exception {
        try (Connection pooled = dataSource.getConnection()) {
            assertEquals(30_000, pooled.getNetworkTimeout(), "the pool's connections keep socketTimeout=30");
        }
        try (Connection migration = flyway.getConfiguration().getDataSource().getConnection()) {
            assertEquals(0, migration.getNetworkTimeout(), "Flyway's connection has no socket timeout");
        }
    }
}
