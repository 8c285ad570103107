package com.casecoding.codes.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * The last searches of each registered user: recorded off the request path by {@link SearchHistoryRecorder}, listed
 * newest first, cleared on request.
 */
@ApplicationScoped
public class SearchHistoryService {

    public record HistoryView(long id, String query, List<String> systems, long resultCount, Instant searchedAt) {
    }

    @Inject
    SearchHistoryRecorder recorder;

    /** The newest first; searches still queued for writing are written first, so the latest search is always there. */
    @Transactional
    public List<HistoryView> list(String subject, int limit) {
        recorder.flush();
        List<SearchHistoryEntry> entries = SearchHistoryEntry
                .find("subject = ?1 order by searchedAt desc, id desc", subject).page(0, limit).list();
        return entries.stream().map(e -> new HistoryView(e.id, e.query,
                e.systems == null ? List.of() : List.of(e.systems.split(",")), e.resultCount, e.searchedAt)).toList();
    }

    @Transactional
    public long clear(String subject) {
        recorder.flush();
        return SearchHistoryEntry.delete("subject", subject);
    }

    @Transactional
    public boolean delete(String subject, long id) {
        return SearchHistoryEntry.delete("subject = ?1 and id = ?2", subject, id) > 0;
    }
}
