package com.casecoding.codes.consult;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstantDraftsTest {

    private final InstantDrafts drafts = new InstantDrafts();

    private static ConsultConfig timeout(Duration timeout) {
        return new ConsultConfig() {
            public Optional<String> inboundSecret() {
                return Optional.empty();
            }

            public String linkBase() {
                return "https://example.test/";
            }

            public String registerUrl() {
                return "https://example.test/register";
            }

            public Duration draftTimeout() {
                return timeout;
            }

            public Duration mailAttemptTimeout() {
                return Duration.ofSeconds(10);
            }

            public Duration registerReplyInterval() {
                return Duration.ofHours(24);
            }
        };
    }

    private static final DraftWriter.DraftRequest REQUEST =
            new DraftWriter.DraftRequest("Is E11.9 billable?", null, List.of("E11.9"), "sub");

    @AfterEach
    void stop() {
        drafts.stop();
    }

    @Test
    void aDraftInTimeIsReturnedAsWritten() {
        Draft written = new Draft("answer", List.of(), List.of(), List.of(), "test", Instant.now());
        drafts.writer = r -> written;
        drafts.config = timeout(Duration.ofSeconds(5));
        assertEquals(written, drafts.write(REQUEST));
    }

    @Test
    void aSlowWriterIsCutOffAndTheDraftSaysSo() {
        drafts.writer = r -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Draft("late", List.of(), List.of(), List.of(), "test", Instant.now());
        };
        drafts.config = timeout(Duration.ofMillis(100));
        long start = System.nanoTime();
        Draft d = drafts.write(REQUEST);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 4_000);
        assertEquals(InstantDrafts.FALLBACK_GENERATOR, d.generator());
        assertTrue(d.answer().contains("too long"), d.answer());
        assertTrue(d.suggestions().isEmpty());
        assertNull(d.checkedCodes().get(0).exists());
    }

    @Test
    void aFailingWriterNeverFailsTheSubmission() {
        drafts.writer = r -> {
            throw new IllegalStateException("boom");
        };
        drafts.config = timeout(Duration.ofSeconds(5));
        Draft d = drafts.write(REQUEST);
        assertEquals(InstantDrafts.FALLBACK_GENERATOR, d.generator());
        assertTrue(d.answer().contains("could not be written"), d.answer());
    }
}
