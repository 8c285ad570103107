package com.casecoding.codes.search;

import com.casecoding.codes.catalog.CodeCatalog;
import com.casecoding.codes.catalog.CodeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Every code of the imported code sets, once, from the newest release that holds it, with its status today as
 * {@link CodeCatalog} decides it: deleted when a later release no longer lists it or its official termination date
 * has passed (a HCPCS code terminated last quarter, an ICD-10-CM code deleted by the addenda). A code that only a
 * stale or partial release lists stays active: the data does not say it was deleted. CPT numbers the CMS files
 * name are found by their number (they have no descriptor without an AMA licence) and by our own words: the
 * plain-language text {@link PlainTextLookup} gives for a code is indexed with it (below the official title).
 */
@ApplicationScoped
public class DatabaseDocumentSource implements SearchDocumentSource {

    /** Reference flags (HCC, CC, MCC, HAC) per system and code; a view over the reference tables. */
    private static final String FLAGS = "select system, code, flag from codes.code_search_flag";

    @Inject
    CodeCatalog catalog;

    @Inject
    DataSource dataSource;

    @Inject
    PlainTextLookup plainTexts;

    @Override
    public String name() {
        return "database";
    }

    @Override
    public void load(Consumer<SearchDocument> sink) throws Exception {
        Map<String, Set<String>> flags = flags();
        catalog.scan(null, s -> {
            String title = s.longTitle() != null && !s.longTitle().isBlank() ? s.longTitle() : s.shortTitle();
            String system = s.status().system().id();
            String plain = plainTexts.plainText(s.status().system(), s.status().code(), title == null ? "" : title);
            sink.accept(new SearchDocument(system, s.status().code(), title,
                    !s.status().header(), s.status().state() == CodeStatus.State.TERMINATED, s.version(),
                    flags.getOrDefault(system + "|" + s.status().code(), Set.of()), plain));
        });
    }

    private Map<String, Set<String>> flags() throws Exception {
        Map<String, Set<String>> flags = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(FLAGS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                flags.computeIfAbsent(rs.getString(1) + "|" + rs.getString(2), k -> new TreeSet<>()).add(rs.getString(3));
            }
        }
        // a handful of distinct flag sets over tens of thousands of codes: one shared instance each
        Map<Set<String>, Set<String>> shared = new HashMap<>();
        flags.replaceAll((k, v) -> shared.computeIfAbsent(Set.copyOf(v), x -> x));
        return flags;
    }
}
