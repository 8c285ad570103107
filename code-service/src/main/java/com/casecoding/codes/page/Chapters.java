package com.casecoding.codes.page;

import com.casecoding.common.codes.CodeSystem;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The top of the hierarchies, which the order files do not carry: the 22 ICD-10-CM chapters and their blocks (code
 * ranges and titles as published by CDC in the Tabular List, public domain) and the 17 ICD-10-PCS sections (first
 * character). All of them come from one table, the group table {@link #GROUPS_RESOURCE}, which search's
 * browsing also reads, so the page, the browse tree and CasePilot always agree.
 */
public final class Chapters {

    public record Chapter(String number, @JsonIgnore String first, @JsonIgnore String last, String title) {
        @JsonProperty("range")
        public String range() {
            return first + "-" + last;
        }
    }

    /** The 22 ICD-10-CM chapters, in chapter order ("Chapter 4: Endocrine, ..." rows of the browse table). */
    public static final List<Chapter> ICD10CM = groups().stream()
            .filter(g -> g[0].equals("icd10cm") && g[3].equals("chapter"))
            .map(g -> {
                int colon = g[4].indexOf(':');
                return new Chapter(g[4].substring("Chapter ".length(), colon).strip(), g[1], g[2],
                        g[4].substring(colon + 1).strip());
            }).toList();

    /** The 17 ICD-10-PCS sections, by their first character. */
    public static final List<Chapter> ICD10PCS_SECTIONS = groups().stream()
            .filter(g -> g[0].equals("icd10pcs") && g[3].equals("section"))
            .map(g -> new Chapter(g[1], g[1], g[2], g[4])).toList();

    /** An ICD-10-CM block: a named range of categories inside a chapter ("E08-E13 Diabetes mellitus"). */
    public record Block(@JsonIgnore String first, @JsonIgnore String last, String title) {
        @JsonProperty("range")
        public String range() {
            return first.equals(last) ? first : first + "-" + last;
        }

        boolean holds(String category) {
            return category.compareTo(first) >= 0 && category.compareTo(last) <= 0;
        }
    }

    private static final List<Block> ICD10CM_BLOCKS = groups().stream()
            .filter(g -> g[0].equals("icd10cm") && g[3].equals("block"))
            .map(g -> new Block(g[1], g[2], g[4])).toList();

    private Chapters() {
    }

    /** The innermost ICD-10-CM block holding a code's category, if our table has one. */
    public static Optional<Block> icd10cmBlock(String code) {
        return category(code).flatMap(category -> ICD10CM_BLOCKS.stream().filter(b -> b.holds(category))
                .max(Comparator.comparing(Block::first).thenComparing(Block::last, Comparator.reverseOrder())));
    }

    /** The 3-character ICD-10-CM category of a code, if it is that long. */
    private static Optional<String> category(String code) {
        return code.length() < 3 ? Optional.empty() : Optional.of(code.substring(0, 3));
    }

    /** The ICD-10-CM chapter of a code (by its 3-character category). */
    public static Optional<Chapter> icd10cm(String code) {
        return category(code).flatMap(category -> ICD10CM.stream()
                .filter(c -> category.compareTo(c.first()) >= 0 && category.compareTo(c.last()) <= 0).findFirst());
    }

    public static Optional<Chapter> icd10pcs(String code) {
        String first = code.substring(0, 1);
        return ICD10PCS_SECTIONS.stream().filter(c -> c.first().equals(first)).findFirst();
    }

    /**
     * The one table of the groups above the codes (system|first|last|kind|label): ICD-10-CM chapters and blocks,
     * ICD-10-PCS sections, HCPCS letter sections, CPT ranges, ICD-9-CM chapters. The code page, the browse tree and
     * CasePilot read it here.
     */
    public static final String GROUPS_RESOURCE = "/page/browse-groups.txt";

    /** The lines of {@link #GROUPS_RESOURCE}: system, first code, last code (both normalized), kind, label. */
    public static List<String[]> groups() {
        try (InputStream in = Chapters.class.getResourceAsStream(GROUPS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(GROUPS_RESOURCE + " is missing from the classpath");
            }
            List<String[]> out = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|", 5);
                if (parts.length != 5) {
                    throw new IllegalStateException("Bad group line: " + line);
                }
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = parts[i].strip();
                }
                parts[1] = storedForm(parts[1]);
                parts[2] = storedForm(parts[2]);
                out.add(parts);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String storedForm(String typed) {
        String compact = CodeSystem.compact(typed);
        return compact != null ? compact : typed.strip().toUpperCase(Locale.ROOT);
    }

}
