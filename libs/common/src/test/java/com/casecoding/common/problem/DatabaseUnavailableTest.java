package com.casecoding.common.problem;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAreRecognisedThroughWrappers() {
        assertTrue(ProblemMappers.databaseUnavailable(new IllegalStateException("wrapped",
                new SQLException("Connection to localhost:5432 refused", "08001"))));
        assertTrue(ProblemMappers.databaseUnavailable(new RuntimeException(
                new SQLException("Acquisition timeout while waiting for new connection"))));
        assertTrue(ProblemMappers.databaseUnavailable(new SQLTransientConnectionException("gone")));
        assertTrue(ProblemMappers.databaseUnavailable(new RuntimeException(
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"))));
    }

    @Test
    void concurrentWritesAreConflicts() {
        assertTrue(ProblemMappers.concurrentChange(new RuntimeException(new jakarta.persistence.OptimisticLockException("row changed"))));
        assertTrue(ProblemMappers.concurrentChange(new IllegalStateException(new SQLException("duplicate key", "23505"))));
        assertFalse(ProblemMappers.concurrentChange(new SQLException("refused", "08001")));
    }

    @Test
    void valuesTheDatabaseCannotHoldAreTheCallersFault() {
        assertTrue(ProblemMappers.unstorableValue(new RuntimeException(
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"))));
        assertFalse(ProblemMappers.unstorableValue(new SQLException("refused", "08001")));
    }

    @Test
    void otherErrorsAreNot() {
        assertFalse(ProblemMappers.databaseUnavailable(new SQLException("duplicate key", "23505")));
        assertFalse(ProblemMappers.databaseUnavailable(new IllegalArgumentException("bug")));
    }
}
