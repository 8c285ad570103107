package com.casecoding.systemtests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The long version of {@link QuotaTwoGatewaysIT}: many rounds (default 50, {@code -Dcasecoding.quota.rounds=N}) of one
 * fresh free account sending 200 concurrent requests for distinct codes through two gateway replicas sharing the
 * database; exactly 6 succeed every round. Runs only with {@code -Dcasecoding.long=true} (see system-tests/README.md).
 */
class QuotaSoakIT {

    static TwoGatewayQuota setup;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Boolean.getBoolean("casecoding.long"), "long reliability run only (-Dcasecoding.long=true)");
        setup = new TwoGatewayQuota("soak-gateway", ReliabilityPlatform.get()::startGateway);
    }

    @AfterAll
    static void stop() throws Exception {
        if (setup != null) {
            setup.close();
        }
    }

    @Test
    void exactlySixOfTwoHundredConcurrentViewsSucceedEveryRound() throws Exception {
        int rounds = Integer.getInteger("casecoding.quota.rounds", 50);
        Map<Long, Integer> servedPerRound = new TreeMap<>();
        for (int i = 1; i <= rounds; i++) {
            TwoGatewayQuota.Round round = setup.round("soak");
            servedPerRound.merge(round.served(), 1, Integer::sum);
            assertEquals(6, round.served(), "round " + i + ": pages served");
            assertEquals(194, round.refused(), "round " + i + ": pages refused with the quota message");
        }
        System.out.println("[quota soak] " + rounds + " rounds, pages served per round -> rounds: " + servedPerRound);
    }
}
