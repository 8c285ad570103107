package com.casecoding.codes.user;

import java.net.URI;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import com.casecoding.common.list.Paging;
import com.casecoding.common.list.ListPage;
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
    public ListPage<HistoryView> list(String subject, Paging paging, URI request) {
        recorder.flush();
        PanacheQuery<SearchHistoryEntry> entries = SearchHistoryEntry
                .find("subject = ?1 order by searchedAt desc, id desc", subject);
        List<HistoryView> page = entries.range(paging.offset(), paging.offset() + paging.limit() - 1).list().stream()
                .map(e -> new HistoryView(e.id, e.query, e.systems == null ? List.of() : List.of(e.systems.split(",")),
                        e.resultCount, e.searchedAt)).toList();
        return ListPage.of(page, entries.count(), paging, request);
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
