package com.casecoding.codes.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The small search fixture of src/test/resources/search/fixture-codes.tsv, and an index over it. */
public final class Fixtures {

    private static CodeIndex index;

    private Fixtures() {
    }

    public static List<SearchDocument> documents() {
        List<SearchDocument> docs = new ArrayList<>();
        try (InputStream in = Fixtures.class.getResourceAsStream("/search/fixture-codes.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\\|", 6);
                docs.add(new SearchDocument(c[0], c[1], c[5], Boolean.parseBoolean(c[2]),
                        Boolean.parseBoolean(c[3]), c[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    public static synchronized CodeIndex index() {
        if (index == null) {
            index = CodeIndex.build(documents(), SynonymDictionary.load());
        }
        return index;
    }
}
