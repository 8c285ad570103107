package com.casecoding.codes.search;

import com.casecoding.codes.page.Chapters;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The code sets as trees: named groups (ICD-10-CM chapters and blocks, ICD-10-PCS sections and body systems, HCPCS
 * letter sections, CPT ranges, ICD-9-CM chapters) from the group table ({@link Chapters#groups()}), and under them
 * the codes, each under its nearest existing prefix (E11 > E11.6 > E11.65). Only active codes are browsed.
 */
public final class BrowseTree {


    /** A node: a group (range of codes) or a code. */
    public record Node(String id, String system, String kind, @Schema(nullable = true) String code, String title,
                       @Schema(nullable = true) String from, @Schema(nullable = true) String to,
                       boolean billable, int childCount) {
    }

    /** One page of children or of a range. */
    public record Listing(Node node, long total, List<Node> items) {
    }

    private record Group(String system, String id, String kind, String label, String from, String to) {
        boolean contains(String code) {
            if (system.equals("cpt") && !sameSuffix(code, from)) {
                return false;
            }
            if (code.compareTo(from) < 0) {
                return false;
            }
            int n = Math.min(code.length(), to.length());
            for (int i = 0; i < n; i++) {
                char c = code.charAt(i);
                char t = to.charAt(i);
                if (c != t) {
                    return c < t;
                }
            }
            return true;
        }

        /** CPT "0001F-9007F" holds only codes ending in F, "00100-01999" only codes ending in a digit. */
        private static boolean sameSuffix(String code, String from) {
            char a = code.charAt(code.length() - 1);
            char b = from.charAt(from.length() - 1);
            return Character.isDigit(a) ? Character.isDigit(b) : a == b;
        }

        boolean containsGroup(Group other) {
            return !other.id.equals(id) && contains(other.from) && contains(other.to)
                    && (other.from.compareTo(from) > 0 || other.to.compareTo(to) < 0 || other.to.length() > to.length());
        }
    }

    /**
     * One system's active codes in code order. Binary search over an array instead of a TreeMap: no entry object per
     * code (200,000 codes), and lookups, ranges and iteration in order are all it needs.
     */
    private static final class SortedCodes {
        static final SortedCodes EMPTY = new SortedCodes(new SearchDocument[0]);

        private final SearchDocument[] docs;
        private final List<SearchDocument> view;

        private SortedCodes(SearchDocument[] docs) {
            this.docs = docs;
            this.view = Collections.unmodifiableList(Arrays.asList(docs));
        }

        /** Sorted by code; of the same code twice the later one wins (as a map's put would). */
        static SortedCodes of(List<SearchDocument> unsorted) {
            List<SearchDocument> sorted = new ArrayList<>(unsorted);
            sorted.sort(Comparator.comparing(SearchDocument::code)); // stable: equal codes keep their input order
            List<SearchDocument> unique = new ArrayList<>(sorted.size());
            for (SearchDocument doc : sorted) {
                if (!unique.isEmpty() && unique.get(unique.size() - 1).code().equals(doc.code())) {
                    unique.set(unique.size() - 1, doc);
                } else {
                    unique.add(doc);
                }
            }
            return new SortedCodes(unique.toArray(new SearchDocument[0]));
        }

        /** The position of the first code not before {@code code}. */
        private int lowerBound(String code) {
            int lo = 0;
            int hi = docs.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (docs[mid].code().compareTo(code) < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        SearchDocument get(String code) {
            int at = lowerBound(code);
            return at < docs.length && docs[at].code().equals(code) ? docs[at] : null;
        }

        boolean containsKey(String code) {
            return get(code) != null;
        }

        List<SearchDocument> values() {
            return view;
        }

        /** The codes from {@code code} (inclusive) to the end, in order. */
        List<SearchDocument> from(String code) {
            return view.subList(lowerBound(code), docs.length);
        }
    }

    private final Map<String, SortedCodes> codes = new HashMap<>();
    private final Map<String, List<Group>> roots = new HashMap<>();
    private final Map<String, Group> groupsById = new HashMap<>();
    private final Map<String, List<Object>> children = new HashMap<>();

    private BrowseTree() {
    }

    public static BrowseTree of(Collection<SearchDocument> documents) {
        return of(documents, Chapters.groups());
    }

    static BrowseTree of(Collection<SearchDocument> documents, List<String[]> groupLines) {
        BrowseTree tree = new BrowseTree();
        Map<String, List<SearchDocument>> active = new HashMap<>();
        for (SearchDocument doc : documents) {
            if (!doc.deleted()) {
                active.computeIfAbsent(doc.system(), s -> new ArrayList<>()).add(doc);
            }
        }
        active.forEach((system, docs) -> tree.codes.put(system, SortedCodes.of(docs)));
        List<Group> groups = new ArrayList<>();
        for (String[] g : groupLines) {
            groups.add(new Group(g[0], g[1].equals(g[2]) ? g[1] : g[1] + "-" + g[2], g[3], g[4], g[1], g[2]));
        }
        groups.addAll(tree.pcsGroups());
        for (Group g : groups) {
            tree.groupsById.put(key(g.system, g.id), g);
        }
        tree.link(groups);
        return tree;
    }

    /** ICD-10-PCS: sections (1st character) and body systems (2nd); names of body systems from table headers. */
    private List<Group> pcsGroups() {
        SortedCodes pcs = codes.getOrDefault("icd10pcs", SortedCodes.EMPTY);
        Map<String, String> bodySystems = new TreeMap<>();
        for (SearchDocument doc : pcs.values()) {
            String bs = doc.code().substring(0, Math.min(2, doc.code().length()));
            if (doc.code().length() == 3 && doc.title().contains(",")) {
                bodySystems.put(bs, doc.title().substring(0, doc.title().lastIndexOf(',')).strip());
            } else {
                bodySystems.putIfAbsent(bs, null);
            }
        }
        List<Group> out = new ArrayList<>();
        bodySystems.forEach((bs, label) -> out.add(new Group("icd10pcs", bs, "body-system",
                label == null ? "Body system " + bs : label, bs, bs)));
        return out;
    }

    private void link(List<Group> groups) {
        Map<String, List<Group>> bySystem = new HashMap<>();
        groups.forEach(g -> bySystem.computeIfAbsent(g.system, s -> new ArrayList<>()).add(g));
        for (var entry : bySystem.entrySet()) {
            String system = entry.getKey();
            List<Group> list = entry.getValue();
            list.sort(Comparator.comparing(Group::from).thenComparing(g -> -g.to.length()));
            Map<Group, Group> parentOf = new HashMap<>();
            for (Group g : list) {
                Group best = null;
                for (Group candidate : list) {
                    if (candidate.containsGroup(g) && (best == null || best.containsGroup(candidate))) {
                        best = candidate;
                    }
                }
                if (best == null) {
                    roots.computeIfAbsent(system, s -> new ArrayList<>()).add(g);
                } else {
                    parentOf.put(g, best);
                    children.computeIfAbsent(key(system, best.id), k -> new ArrayList<>()).add(g);
                }
            }
            Map<Character, List<Group>> byFirstChar = new HashMap<>();
            for (Group g : list) {
                for (char c = g.from.charAt(0); c <= g.to.charAt(0); c++) {
                    byFirstChar.computeIfAbsent(c, k -> new ArrayList<>()).add(g);
                }
            }
            SortedCodes systemCodes = codes.getOrDefault(system, SortedCodes.EMPTY);
            for (SearchDocument doc : systemCodes.values()) {
                String parentCode = parentCode(systemCodes, doc.code());
                if (parentCode != null) {
                    children.computeIfAbsent(key(system, parentCode), k -> new ArrayList<>()).add(doc);
                    continue;
                }
                Group deepest = null;
                for (Group g : byFirstChar.getOrDefault(doc.code().charAt(0), List.of())) {
                    if (g.contains(doc.code()) && (deepest == null || deepest.containsGroup(g))) {
                        deepest = g;
                    }
                }
                if (deepest != null) {
                    children.computeIfAbsent(key(system, deepest.id), k -> new ArrayList<>()).add(doc);
                }
            }
        }
        for (var entry : codes.entrySet()) {
            if (!bySystem.containsKey(entry.getKey())) {
                for (SearchDocument doc : entry.getValue().values()) {
                    if (parentCode(entry.getValue(), doc.code()) != null) {
                        children.computeIfAbsent(key(entry.getKey(), parentCode(entry.getValue(), doc.code())),
                                k -> new ArrayList<>()).add(doc);
                    }
                }
            }
        }
        for (List<Object> c : children.values()) {
            c.sort(Comparator.comparing(BrowseTree::sortKey));
        }
    }

    private static String sortKey(Object o) {
        return o instanceof Group g ? g.from : ((SearchDocument) o).code();
    }

    private static String parentCode(SortedCodes systemCodes, String code) {
        for (int len = code.length() - 1; len >= 1; len--) {
            if (systemCodes.containsKey(code.substring(0, len))) {
                return code.substring(0, len);
            }
        }
        return null;
    }

    private static String key(String system, String id) {
        return system + '|' + id;
    }

    public boolean knowsSystem(String system) {
        return codes.containsKey(system) || roots.containsKey(system);
    }

    /** The top of a code set: its groups, or its codes without a parent when it has no groups. */
    public List<Node> roots(String system) {
        List<Group> top = roots.get(system);
        if (top != null) {
            return top.stream().map(this::node).toList();
        }
        SortedCodes all = codes.getOrDefault(system, SortedCodes.EMPTY);
        return all.values().stream().filter(d -> parentCode(all, d.code()) == null).limit(SearchQuery.MAX_WINDOW)
                .map(this::node).toList();
    }

    /** A group (by its range id, "I00-I99") or a code (any typing), with one page of its children. */
    public Optional<Listing> children(String system, String id, int limit, int offset) {
        Group group = groupsById.get(key(system, id.strip().toUpperCase(java.util.Locale.ROOT)));
        Node node;
        String childKey;
        if (group != null) {
            node = node(group);
            childKey = key(system, group.id);
        } else {
            String code = SearchDocument.storedForm(id);
            SearchDocument doc = codes.getOrDefault(system, SortedCodes.EMPTY).get(code);
            if (doc == null) {
                return Optional.empty();
            }
            node = node(doc);
            childKey = key(system, code);
        }
        List<Object> all = children.getOrDefault(childKey, List.of());
        List<Node> page = all.stream().skip(offset).limit(limit).map(this::toNode).toList();
        return Optional.of(new Listing(node, all.size(), page));
    }

    /** Every active code from {@code from} to {@code to} inclusive ("E11"-"E13" includes E13.9), in code order. */
    public Listing range(String system, String from, String to, int limit, int offset) {
        String f = SearchDocument.storedForm(from);
        String t = SearchDocument.storedForm(to);
        Group range = new Group(system, f + "-" + t, "range", "Codes " + from.strip() + " to " + to.strip(), f, t);
        SortedCodes all = codes.getOrDefault(system, SortedCodes.EMPTY);
        List<SearchDocument> in = new ArrayList<>();
        for (SearchDocument doc : all.from(f)) {
            if (!range.contains(doc.code())) {
                break;
            }
            in.add(doc);
        }
        List<Node> page = in.stream().skip(offset).limit(limit).map(this::node).toList();
        Node node = new Node(range.id, system, "range", null, range.label, f, t, false, in.size());
        return new Listing(node, in.size(), page);
    }

    private Node toNode(Object o) {
        return o instanceof Group g ? node(g) : node((SearchDocument) o);
    }

    private Node node(Group g) {
        int count = children.getOrDefault(key(g.system, g.id), List.of()).size();
        return new Node(g.id, g.system, g.kind, null, g.label, g.from, g.to, false, count);
    }

    private Node node(SearchDocument d) {
        int count = children.getOrDefault(key(d.system(), d.code()), List.of()).size();
        return new Node(d.code(), d.system(), d.billable() ? "code" : "header", d.displayCode(), d.title(), null,
                null, d.billable(), count);
    }
}
