package com.casecoding.codes.plain;

import com.casecoding.codes.page.Chapters;
import com.casecoding.codes.plain.structure.StructureTexts;
import com.casecoding.codes.release.CodeTextsChanged;
import com.casecoding.codes.release.DerivedCache;
import com.casecoding.codes.release.ImportCompleted;
import com.casecoding.common.codes.CodeKey;
import com.casecoding.common.codes.CodeSystem;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The plain-language text of a code: an admin's approved text (database, versioned) wins over the editors' text
 * (resources), which wins over the text written from the code's structure; some codes have none (a CPT number
 * without an editorial text). Structure texts are built on demand and kept in a bounded cache.
 */
@ApplicationScoped
public class PlainLanguage {

    static final String STRUCTURE_AUTHOR = "CaseCoding structure templates (our lexicon)";

    @Inject
    EditorialTexts editorial;

    @Inject
    PlainLanguageRepository repository;

    private final Cache<StructureKey, Optional<String>> structures;

    /**
     * The admin texts as the search index reads them: one query per half minute, not one per document. A read that
     * began before a change of the texts (a search build running while an import stores its texts) is not kept past
     * the change ({@link DerivedCache}).
     */
    private final DerivedCache<String, Map<String, PlainText>> adminSnapshot =
            DerivedCache.ofSize(1, Duration.ofSeconds(30));

    private record StructureKey(CodeSystem system, String code, String title, boolean header) {
    }

    @Inject
    public PlainLanguage(@ConfigProperty(name = "plain-language.structure-cache-size", defaultValue = "20000")
                         int cacheSize) {
        this.structures = Caffeine.newBuilder().maximumSize(Math.max(0, cacheSize)).build();
    }

    /** The text of a code as its newest release has it (one or two indexed queries). */
    public Optional<PlainText> text(CodeSystem system, String code) {
        PlainText admin = repository.current(system, code);
        if (admin != null) {
            return Optional.of(admin);
        }
        EditorialParser.Editorial e = editorial.get(new CodeKey(system, code));
        if (e != null) {
            return Optional.of(editorial(e));
        }
        PlainLanguageRepository.Entry entry = repository.newestEntry(system, code);
        return entry == null ? Optional.empty()
                : structure(system, code, entry.title(), entry.header(), entry.version());
    }

    /** The text of a code shown with the given row of a release (a code page). */
    public Optional<PlainText> text(CodeSystem system, String code, String title, boolean header, String release) {
        PlainText admin = repository.current(system, code);
        if (admin != null) {
            return Optional.of(admin);
        }
        return withoutAdmin(system, code, title, header, release);
    }

    /** Editorial, else structure: for callers that already know there is no admin text. */
    Optional<PlainText> withoutAdmin(CodeSystem system, String code, String title, boolean header, String release) {
        if (!system.accepts(code)) {
            return Optional.empty(); // a hierarchy node (an ICD-10-PCS table such as 0DT), not a code
        }
        EditorialParser.Editorial e = editorial.get(new CodeKey(system, code));
        if (e != null) {
            return Optional.of(editorial(e));
        }
        return structure(system, code, title, header, release);
    }

    /** For bulk readers (the search index): admin texts from a snapshot at most 30 s old. */
    public Optional<PlainText> textForIndex(CodeSystem system, String code, String title) {
        Map<String, PlainText> admin = adminSnapshot.get("all", k -> repository.allCurrent());
        PlainText a = admin.get(system.id() + ":" + code);
        return a != null ? Optional.of(a) : withoutAdmin(system, code, title, false, null);
    }

    /** An admin text changed, here or on another replica: the next read takes the stored texts again. */
    void onTextsChanged(@Observes CodeTextsChanged event) {
        adminSnapshot.invalidateAll();
    }

    /** An import may bring texts of its own (the demo set): the next read takes the stored texts again. */
    void onImport(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ImportCompleted event) {
        adminSnapshot.invalidateAll();
    }

    private static PlainText editorial(EditorialParser.Editorial e) {
        return new PlainText(e.text(), PlainText.EDITORIAL, e.author(), e.reviewedBy(), 1, null, null);
    }

    private Optional<PlainText> structure(CodeSystem system, String code, String title, boolean header,
                                          String release) {
        if (title == null || title.isBlank()) {
            return Optional.empty();
        }
        Optional<String> text = structures.get(new StructureKey(system, code, title, header),
                k -> Optional.ofNullable(StructureTexts.text(system, code, title, header, chapter(system, code))));
        return text.map(t -> new PlainText(t, PlainText.STRUCTURE, STRUCTURE_AUTHOR, null,
                StructureTexts.TEMPLATE_VERSION, release, null));
    }

    static String chapter(CodeSystem system, String code) {
        return system == CodeSystem.ICD10CM ? Chapters.icd10cm(code).map(Chapters.Chapter::number).orElse(null) : null;
    }
}
