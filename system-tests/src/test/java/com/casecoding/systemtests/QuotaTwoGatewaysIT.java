package com.casecoding.systemtests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The view quota holds across gateway replicas: one free account, 200 concurrent requests for distinct codes spread over
 * two gateway processes sharing one database: exactly 6 pages are served, every time.
 */
class QuotaTwoGatewaysIT {

    static TwoGatewayQuota setup;

    @BeforeAll
    static void start() throws Exception {
        setup = new TwoGatewayQuota("gateway", Platform.get()::startGateway);
    }

    @AfterAll
    static void stop() throws Exception {
        if (setup != null) {
            setup.close();
        }
    }

    @RepeatedTest(3)
    void exactlySixOfTwoHundredConcurrentViewsSucceed() throws Exception {
        TwoGatewayQuota.Round round = setup.round("quota");
        assertEquals(6, round.served(), "pages served");
        assertEquals(194, round.refused(), "pages refused with the quota message");
        HttpResponse<String> me = Http.get(setup.gatewayB.url() + "/api/me", round.token());
        assertEquals(true, me.body().contains("\"used\":6"), me.body());
    }
}
