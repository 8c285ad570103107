package com.casecoding.gateway.auth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RevocationSetTest {

    @Test
    void anEndedSessionIsRefusedUntilItsTokensHaveExpired() {
        RevocationSet set = new RevocationSet(10);
        set.endSession("s1", 1_000, 0);
        assertTrue(set.sessionEnded("s1", 999));
        assertFalse(set.sessionEnded("s1", 1_000));
        assertFalse(set.sessionEnded("s2", 10));
        assertFalse(set.sessionEnded(null, 10));
    }

    @Test
    void aRaisedVersionRefusesOnlyOlderTokens() {
        RevocationSet set = new RevocationSet(10);
        set.raiseVersion("a", 3, 1_000, 0);
        assertTrue(set.versionOutdated("a", 2, 10));
        assertFalse(set.versionOutdated("a", 3, 10));
        assertFalse(set.versionOutdated("a", 2, 1_000), "every older token has expired by then");
        // a later raise read back from the database in another order never lowers the version
        set.raiseVersion("a", 2, 2_000, 10);
        assertTrue(set.versionOutdated("a", 2, 1_500));
    }

    @Test
    void theSetIsBoundedDroppingExpiredThenSoonestEnding() {
        RevocationSet set = new RevocationSet(3);
        set.endSession("expired", 5, 0);
        set.endSession("late", 10_000, 0);
        set.raiseVersion("acct", 1, 9_000, 0);
        set.endSession("soon", 1_000, 10);
        assertEquals(3, set.size());
        assertFalse(set.sessionEnded("expired", 1));
        set.endSession("later", 20_000, 10);
        assertEquals(3, set.size());
        assertFalse(set.sessionEnded("soon", 20), "the one ending soonest made room");
        assertTrue(set.sessionEnded("late", 20));
        assertTrue(set.sessionEnded("later", 20));
        assertTrue(set.versionOutdated("acct", 0, 20));
    }
}
