package com.casecoding.codes.user;

import java.net.URI;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import com.casecoding.common.list.Paging;
import com.casecoding.common.list.ListPage;
import com.casecoding.codes.search.SearchDocument;
import com.casecoding.codes.search.SearchEngine;
import com.casecoding.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Favorites of one user; every method takes the caller's subject, so nobody reaches another user's rows. */
@ApplicationScoped
public class FavoriteService {

    public record FavoriteView(String system, String code, String normalizedCode, String title, Boolean billable,
                               String status, Instant addedAt) {
    }

    public record Added(FavoriteView favorite, boolean created) {
    }

    /** The most favorite codes one account keeps. */
    public static final int MAX_FAVORITES = 1000;

    @Inject
    SearchEngine engine;

    /** The caller's favorites (of one code set when {@code system} is given), newest first, and the count of all. */
    @Transactional
    public ListPage<FavoriteView> list(String subject, String system, Paging paging, URI request) {
        PanacheQuery<Favorite> rows = system == null
                ? Favorite.find("subject = ?1 order by createdAt desc, id desc", subject)
                : Favorite.find("subject = ?1 and system = ?2 order by createdAt desc, id desc", subject, system);
        List<FavoriteView> page = rows.range(paging.offset(), paging.offset() + paging.limit() - 1).list().stream()
                .map(this::view).toList();
        return ListPage.of(page, rows.count(), paging, request);
    }

    @Transactional
    public Added add(String subject, CodeRef ref) {
        Optional<Favorite> existing = Favorite.find("subject = ?1 and system = ?2 and code = ?3", subject,
                ref.system(), ref.code()).firstResultOptional();
        if (existing.isPresent()) {
            return new Added(view(existing.get()), false);
        }
        if (Favorite.count("subject", subject) >= MAX_FAVORITES) {
            throw ProblemException.conflict("You can keep at most " + MAX_FAVORITES + " favorite codes; remove some "
                    + "first.");
        }
        Favorite f = new Favorite();
        f.subject = subject;
        f.system = ref.system();
        f.code = ref.code();
        f.createdAt = Instant.now();
        f.persist();
        return new Added(view(f), true);
    }

    @Transactional
    public boolean remove(String subject, CodeRef ref) {
        return Favorite.delete("subject = ?1 and system = ?2 and code = ?3", subject, ref.system(), ref.code()) > 0;
    }

    private FavoriteView view(Favorite f) {
        Optional<SearchDocument> doc = engine.ready() ? engine.find(f.system, f.code) : Optional.empty();
        return new FavoriteView(f.system, doc.map(SearchDocument::displayCode).orElse(f.code), f.code,
                doc.map(SearchDocument::title).orElse(null), doc.map(SearchDocument::billable).orElse(null),
                doc.map(SearchDocument::status).orElse(null), f.createdAt);
    }
}
