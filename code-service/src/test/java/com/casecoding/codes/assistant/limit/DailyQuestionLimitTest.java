package com.casecoding.codes.assistant.limit;

import com.casecoding.codes.assistant.Caller;
import com.casecoding.common.problem.ProblemException;
import com.casecoding.testing.JwtTestResource;
import com.casecoding.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
class DailyQuestionLimitTest {

    @Inject
    DailyQuestionLimit limit;

    @Inject
    DataSource dataSource;

    private static Caller guest() {
        return new Caller(UUID.randomUUID().toString(), "guest", Set.of("guest"));
    }

    @Test
    void concurrentQuestionsNeverExceedTheLimit() throws Exception {
        Caller caller = guest();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                Callable<Boolean> ask = () -> {
                    try {
                        limit.consume(caller);
                        return true;
                    } catch (ProblemException e) {
                        assertEquals(429, e.status());
                        return false;
                    }
                };
                results.add(pool.submit(ask));
            }
            int allowed = 0;
            for (Future<Boolean> f : results) {
                allowed += f.get() ? 1 : 0;
            }
            assertEquals(3, allowed);
            assertEquals(3, storedCount(caller.subject(), LocalDate.now(ZoneOffset.UTC)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theGuestRoleDecidesWhateverThePlanClaimSays() {
        Caller pretending = new Caller(UUID.randomUUID().toString(), "pro", Set.of("guest"));
        assertEquals(3, limit.limitFor(pretending));
        assertEquals(20, limit.limitFor(new Caller("a", "free", Set.of("coder"))));
        assertEquals(-1, limit.limitFor(new Caller("a", "pro", Set.of("coder"))));
        assertEquals(20, limit.limitFor(new Caller("a", null, Set.of("coder"))));
    }

    @Test
    void yesterdaysQuestionsDoNotCountToday() throws Exception {
        Caller caller = guest();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "insert into codes.assistant_daily_questions (subject, day, questions) values (?, ?, 3)")) {
            ps.setString(1, caller.subject());
            ps.setObject(2, LocalDate.now(ZoneOffset.UTC).minusDays(1));
            ps.executeUpdate();
        }
        assertEquals(2, limit.consume(caller).remaining());
        limit.consume(caller);
        limit.consume(caller);
        ProblemException e = assertThrows(ProblemException.class, () -> limit.consume(caller));
        assertEquals(429, e.status());
        assertEquals("1", String.valueOf(Math.min(1, Long.parseLong(e.headers().get("Retry-After")))));
    }

    private int storedCount(String subject, LocalDate day) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select questions from codes.assistant_daily_questions where subject = ? and day = ?")) {
            ps.setString(1, subject);
            ps.setObject(2, day);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }
}
