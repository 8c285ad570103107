package com.casecoding.codes.plain;

import com.casecoding.codes.release.CodeTextsChanged;
import com.casecoding.common.codes.CodeSystem;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search index reads admin texts from a snapshot. A search build that read the texts just before an import stored
 * its own (the demo set) must not leave that older read in place for the reads after the change: CI saw the index
 * text differ from the page for up to the snapshot's 30 s.
 */
class PlainLanguageSnapshotTest {

    @Test
    void aReadThatBeganBeforeATextChangeIsNotServedAfterIt() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch stored = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        PlainText ours = new PlainText("Our words for it.", PlainText.ADMIN, "admin-1", "admin-2", 1, null, null);
        PlainLanguage plain = new PlainLanguage(10);
        plain.editorial = new EditorialTexts(); // none loaded: without the admin text a structure text would show
        plain.repository = new PlainLanguageRepository() {
            @Override
            public Map<String, PlainText> allCurrent() {
                if (reads.incrementAndGet() == 1) {
                    // the table as it was before the texts were stored; the change lands while this read runs
                    reading.countDown();
                    await(stored);
                    return Map.of();
                }
                return Map.of("icd10pcs:0DTJ4ZZ", ours);
            }
        };
        // a search build reading a node (no text of its own): it only fills the snapshot
        CompletableFuture<Optional<PlainText>> build = CompletableFuture.supplyAsync(
                () -> plain.textForIndex(CodeSystem.ICD10PCS, "0DT", "Resection"));
        assertTrue(reading.await(10, TimeUnit.SECONDS));
        plain.onTextsChanged(new CodeTextsChanged("demo common-language texts"));
        stored.countDown();
        build.get(10, TimeUnit.SECONDS);

        assertEquals(Optional.of(ours), plain.textForIndex(CodeSystem.ICD10PCS, "0DTJ4ZZ", "Resection of Appendix"));
        assertEquals(2, reads.get(), "the texts are read again after the change, once");
        plain.textForIndex(CodeSystem.ICD10PCS, "0DTJ4ZZ", "Resection of Appendix");
        assertEquals(2, reads.get(), "and then served from the snapshot");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
