package com.casecoding.codes.user;

import com.casecoding.codes.search.SearchConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The last searches of each registered user: recorded on search, listed newest first, cleared on request. */
@ApplicationScoped
public class SearchHistoryService {

    private static final Logger LOG = Logger.getLogger(SearchHistoryService.class);

    public record HistoryView(long id, String query, List<String> systems, long resultCount, Instant searchedAt) {
    }

    @Inject
    SearchConfig config;

    /**
     * Records the search when the caller is registered (guests and anonymous callers leave no trace). Repeating the
     * newest search only refreshes its time. A failure here never fails the search itself.
     */
    public void recordIfRegistered(JsonWebToken jwt, String query, Set<String> systems, long total) {
        if (!Registered.is(jwt) || jwt.getSubject().length() > 64) {
            return;
        }
        String subject = jwt.getSubject();
        String text = query.strip();
        String systemList = systems.isEmpty() ? null : String.join(",", systems);
        try {
            QuarkusTransaction.requiringNew().run(() -> record(subject, text, systemList, total));
        } catch (RuntimeException e) {
            LOG.warnf("search history not recorded: %s", e.getClass().getSimpleName());
        }
    }

    void record(String subject, String query, String systems, long total) {
        SearchHistoryEntry newest = SearchHistoryEntry.find("subject = ?1 order by searchedAt desc, id desc", subject)
                .firstResult();
        Instant now = Instant.now();
        if (newest != null && newest.query.equals(query) && java.util.Objects.equals(newest.systems, systems)) {
            newest.searchedAt = now;
            newest.resultCount = total;
            return;
        }
        SearchHistoryEntry entry = new SearchHistoryEntry();
        entry.subject = subject;
        entry.query = query;
        entry.systems = systems;
        entry.resultCount = total;
        entry.searchedAt = now;
        entry.persist();
        List<SearchHistoryEntry> beyond = SearchHistoryEntry
                .find("subject = ?1 order by searchedAt desc, id desc", subject)
                .page(1, config.historySize()).list();
        if (!beyond.isEmpty()) {
            SearchHistoryEntry.delete("subject = ?1 and id in ?2", subject,
                    beyond.stream().map(e -> e.id).toList());
        }
    }

    @Transactional
    public List<HistoryView> list(String subject, int limit) {
        List<SearchHistoryEntry> entries = SearchHistoryEntry
                .find("subject = ?1 order by searchedAt desc, id desc", subject).page(0, limit).list();
        return entries.stream().map(e -> new HistoryView(e.id, e.query,
                e.systems == null ? List.of() : List.of(e.systems.split(",")), e.resultCount, e.searchedAt)).toList();
    }

    @Transactional
    public long clear(String subject) {
        return SearchHistoryEntry.delete("subject", subject);
    }

    @Transactional
    public boolean delete(String subject, long id) {
        return SearchHistoryEntry.delete("subject = ?1 and id = ?2", subject, id) > 0;
    }
}
