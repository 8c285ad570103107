package com.casecoding.codes.user;

import java.net.URI;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import com.casecoding.common.list.Paging;
import com.casecoding.common.list.ListPage;
import com.casecoding.codes.search.SearchDocument;
import com.casecoding.codes.search.SearchEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Private notes: one per user and code, visible to their author only. */
@ApplicationScoped
public class NoteService {

    public record NoteView(String system, String code, String normalizedCode, String title, String text,
                           Instant createdAt, Instant updatedAt) {
    }

    public record Saved(NoteView note, boolean created) {
    }

    @Inject
    SearchEngine engine;

    /** The caller's notes, most recently edited first: the page {@code paging} asks for and the count of all. */
    @Transactional
    public ListPage<NoteView> list(String subject, Paging paging, URI request) {
        PanacheQuery<CodeNote> notes = CodeNote.find("subject = ?1 order by updatedAt desc, id desc", subject);
        List<NoteView> page = notes.range(paging.offset(), paging.offset() + paging.limit() - 1).list().stream()
                .map(this::view).toList();
        return ListPage.of(page, notes.count(), paging, request);
    }

    @Transactional
    public Optional<NoteView> get(String subject, CodeRef ref) {
        return find(subject, ref).map(this::view);
    }

    @Transactional
    public Saved save(String subject, CodeRef ref, String text) {
        Instant now = Instant.now();
        Optional<CodeNote> existing = find(subject, ref);
        CodeNote note = existing.orElseGet(() -> {
            CodeNote n = new CodeNote();
            n.subject = subject;
            n.system = ref.system();
            n.code = ref.code();
            n.createdAt = now;
            return n;
        });
        note.body = text;
        note.updatedAt = now;
        if (existing.isEmpty()) {
            note.persist();
        }
        return new Saved(view(note), existing.isEmpty());
    }

    @Transactional
    public boolean delete(String subject, CodeRef ref) {
        return CodeNote.delete("subject = ?1 and system = ?2 and code = ?3", subject, ref.system(), ref.code()) > 0;
    }

    private Optional<CodeNote> find(String subject, CodeRef ref) {
        return CodeNote.find("subject = ?1 and system = ?2 and code = ?3", subject, ref.system(), ref.code())
                .firstResultOptional();
    }

    private NoteView view(CodeNote n) {
        Optional<SearchDocument> doc = engine.ready() ? engine.find(n.system, n.code) : Optional.empty();
        return new NoteView(n.system, doc.map(SearchDocument::displayCode).orElse(n.code), n.code,
                doc.map(SearchDocument::title).orElse(null), n.body, n.createdAt, n.updatedAt);
    }
}
