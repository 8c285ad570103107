package com.casecoding.codes.assistant.limit;

import com.casecoding.codes.assistant.AssistantConfig;
import com.casecoding.codes.assistant.Caller;
import com.casecoding.common.problem.ProblemException;
import com.casecoding.common.problem.ProblemType;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The per-plan daily question limit, counted here in code-service (clients can reach it directly with a valid token,
 * so the gateway cannot be the only counter). One atomic upsert per question: the row of (subject, UTC day) is
 * created at 1 or incremented only while below the limit; no row back means the limit was reached.
 */
@ApplicationScoped
public class DailyQuestionLimit {

    private static final String CONSUME = """
            insert into codes.assistant_daily_questions as q (subject, day, questions) values (?, ?, 1)
            on conflict (subject, day) do update set questions = q.questions + 1 where q.questions < ?
            returning q.questions""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AssistantConfig config;

    Clock clock = Clock.systemUTC();

    /** Questions left today after this one (-1 = unlimited). */
    public record Usage(int limit, int used, int remaining) {
    }

    public int limitFor(Caller caller) {
        return switch (caller.effectivePlan()) {
            case "guest" -> config.limits().guest();
            case "pro" -> config.limits().pro();
            default -> config.limits().free();
        };
    }

    /** Counts one question for the caller, or refuses with 429 when today's limit is used up. */
    public Usage consume(Caller caller) {
        int limit = limitFor(caller);
        if (limit < 0) {
            return new Usage(-1, 0, -1);
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Integer used = null;
        if (limit > 0) {
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CONSUME)) {
                ps.setString(1, caller.subject());
                ps.setDate(2, Date.valueOf(today));
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        used = rs.getInt(1);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("counting the question failed", e);
            }
        }
        if (used == null) {
            throw limitReached(caller, limit, today);
        }
        return new Usage(limit, used, limit - used);
    }

    private ProblemException limitReached(Caller caller, int limit, LocalDate today) {
        ZonedDateTime midnight = today.plusDays(1).atStartOfDay(ZoneOffset.UTC);
        long seconds = Math.max(1, Duration.between(ZonedDateTime.now(clock.withZone(ZoneOffset.UTC)), midnight).getSeconds());
        String plan = caller.effectivePlan();
        String advice = switch (plan) {
            case "guest" -> " Register a free account for " + config.limits().free() + " questions a day.";
            case "free" -> config.limits().pro() < 0 ? " Upgrade to Pro for unlimited questions." : "";
            default -> "";
        };
        return new ProblemException(ProblemType.RATE_LIMITED, 429, "Daily question limit reached",
                "You have asked CasePilot " + limit + " question" + (limit == 1 ? "" : "s")
                + " today, the limit of the " + plan + " plan. The count resets at 00:00 UTC." + advice, List.of())
                .with("limit", limit).with("plan", plan).with("resetsAt", midnight.toInstant().toString())
                .header("Retry-After", String.valueOf(seconds));
    }
}
