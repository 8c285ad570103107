package com.casecoding.codes.search;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.BytesRef;

import com.casecoding.common.codes.CodeSystem;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An immutable, in-memory Lucene index over every code of every code set, with the browse tree built from the same
 * documents. Built once per import and swapped whole by {@link SearchEngine}; safe for concurrent searches.
 * Queries are always built programmatically from analyzed words: user text never reaches a query parser.
 */
public final class CodeIndex implements Closeable {

    static final String F_SYSTEM = "system";
    static final String F_CODE = "code";
    static final String F_TITLE = "title";
    static final String F_WORDS = "words";
    static final String F_VERSION = "version";
    static final String F_BILLABLE = "billable";
    static final String F_STATUS = "status";
    static final String F_PRIOR = "prior";
    static final String F_DELETED_RANK = "deleted_rank";
    static final String F_BILLABLE_RANK = "billable_rank";
    static final String F_CODE_SORT = "code_sort";
    static final String F_FLAG = "flag";
    /** Our own words for a code: its plain-language text and our aliases, searched below the official title. */
    static final String F_PLAIN = "plain";
    /** Weight of a match on our own words against one on the official title. */
    static final float PLAIN_WEIGHT = 0.7f;
    /**
     * Each of our alias names of a code as a key ({@link #nameKey}): a query that is exactly one of them, in any word
     * order, names that code ("knee replacement" is 27447, "established patient office visit" 99211-99215).
     */
    static final String F_ALIAS = "alias";
    /** Added to the score of a code whose alias the whole query is: above any match of the words alone. */
    static final float ALIAS_SCORE = 40f;
    /** Share of the other matches of one word (own words besides the title) added to its best match. */
    static final float OWN_WORDS_TIE = 0.3f;

    /** Words of a query beyond this are ignored: nobody types a 13-word title, and each word costs clauses. */
    static final int MAX_WORDS = 12;

    private static final String UNSPECIFIED = SearchAnalyzers.stemOf("unspecified");
    private static final String CONTEXT_CHAPTERS = "OPVWXYZ";
    static final String F_ORD = "ord";

    private static final FieldType WORDS_TYPE = new FieldType();

    static {
        WORDS_TYPE.setIndexOptions(IndexOptions.DOCS);
        WORDS_TYPE.setOmitNorms(true);
        WORDS_TYPE.setTokenized(true);
        WORDS_TYPE.freeze();
    }

    private static final Sort TEXT_SORT = new Sort(new SortField(F_DELETED_RANK, SortField.Type.INT),
            SortField.FIELD_SCORE, new SortField(F_BILLABLE_RANK, SortField.Type.INT),
            new SortField(F_CODE_SORT, SortField.Type.STRING));
    /** A code typed exactly comes first even when deleted (it is what was asked for); prefix matches after it. */
    private static final Sort CODE_SORT = new Sort(SortField.FIELD_SCORE,
            new SortField(F_DELETED_RANK, SortField.Type.INT), new SortField(F_CODE_SORT, SortField.Type.STRING),
            new SortField(F_BILLABLE_RANK, SortField.Type.INT));

    private final ByteBuffersDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final SynonymDictionary synonyms;
    private final DirectSpellChecker spellChecker;
    private final BrowseTree browse;
    /** system -> normalized code -> document (no composite key strings: 200,000 of them would cost ~10 MB). */
    private final Map<String, Map<String, SearchDocument>> bySystem;
    private final SearchDocument[] byOrd;
    private final long buildMillis;

    private CodeIndex(ByteBuffersDirectory directory, SynonymDictionary synonyms, BrowseTree browse,
                      Map<String, Map<String, SearchDocument>> bySystem, SearchDocument[] byOrd, long buildMillis)
            throws IOException {
        this.directory = directory;
        this.byOrd = byOrd;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.searcher.setQueryCache(null);
        // titles are short: a repeated word ("Pneumonia due to ... pneumoniae") should barely count
        this.searcher.setSimilarity(new BM25Similarity(0.2f, 0.75f));
        this.synonyms = synonyms;
        this.spellChecker = new DirectSpellChecker();
        this.spellChecker.setMaxEdits(2);
        this.spellChecker.setMinPrefix(1);
        this.spellChecker.setMinQueryLength(4);
        this.spellChecker.setAccuracy(0.7f);
        this.browse = browse;
        this.bySystem = bySystem;
        this.buildMillis = buildMillis;
    }

    /** Indexes the documents; when the same system and code come twice, the active one (else the last) wins. */
    public static CodeIndex build(Iterable<SearchDocument> documents, SynonymDictionary synonyms) {
        return build(documents, synonyms, CodeAliases.load());
    }

    /** As {@link #build(Iterable, SynonymDictionary)}, with these aliases indexed as our own words of their codes. */
    public static CodeIndex build(Iterable<SearchDocument> documents, SynonymDictionary synonyms, CodeAliases aliases) {
        long start = System.nanoTime();
        Map<String, Map<String, SearchDocument>> bySystem = new LinkedHashMap<>();
        int count = 0;
        for (SearchDocument doc : documents) {
            Map<String, SearchDocument> codes = bySystem.computeIfAbsent(doc.system(), s -> new LinkedHashMap<>());
            SearchDocument previous = codes.get(doc.code());
            if (previous == null || previous.deleted() || !doc.deleted()) {
                // reference flags are facts about the code, whichever source brought them
                codes.put(doc.code(), previous == null || previous.flags().isEmpty() || !doc.flags().isEmpty() ? doc
                        : doc.withFlags(previous.flags()));
                count += previous == null ? 1 : 0;
            }
        }
        SearchDocument[] ordered = new SearchDocument[count];
        int at = 0;
        for (Map<String, SearchDocument> codes : bySystem.values()) {
            for (SearchDocument doc : codes.values()) {
                ordered[at++] = doc;
            }
        }
        int ord = 0;
        // each file as one buffer: every term lookup clones its input, which over many small buffers (the default)
        // was a quarter of a search's CPU
        ByteBuffersDirectory directory = new ByteBuffersDirectory(new SingleInstanceLockFactory(),
                ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
        IndexWriterConfig config = new IndexWriterConfig(new PerFieldAnalyzerWrapper(SearchAnalyzers.stems(),
                Map.of(F_WORDS, SearchAnalyzers.words())));
        config.setRAMBufferSizeMB(128);
        config.setUseCompoundFile(false);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (SearchDocument doc : ordered) {
                writer.addDocument(toLucene(doc, aliases.of(doc.system(), doc.code()), ordered.length == 0 ? 0 : ord++));
            }
            writer.forceMerge(1); // one segment: a search walks one set of postings and doc values, not one per flush
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BrowseTree browse = BrowseTree.of(Arrays.asList(ordered));
        Map<String, Map<String, SearchDocument>> frozen = new HashMap<>();
        bySystem.forEach((system, codes) -> frozen.put(system, Map.copyOf(codes)));
        try {
            return new CodeIndex(directory, synonyms, browse, Map.copyOf(frozen), ordered,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document toLucene(SearchDocument doc, String aliases, int ord) {
        Document d = new Document();
        d.add(new NumericDocValuesField(F_ORD, ord));
        d.add(new StringField(F_SYSTEM, doc.system(), Field.Store.NO));
        d.add(new StringField(F_CODE, doc.code(), Field.Store.NO));
        d.add(new StringField(F_VERSION, doc.version(), Field.Store.NO));
        d.add(new StringField(F_BILLABLE, Boolean.toString(doc.billable()), Field.Store.NO));
        d.add(new StringField(F_STATUS, doc.status(), Field.Store.NO));
        for (String flag : doc.flags()) {
            d.add(new StringField(F_FLAG, flag, Field.Store.NO));
        }
        d.add(new TextField(F_TITLE, doc.title(), Field.Store.NO));
        d.add(new Field(F_WORDS, doc.title(), WORDS_TYPE));
        String own = doc.plainText() == null ? aliases : aliases == null ? doc.plainText() : doc.plainText() + " \n " + aliases;
        if (own != null) {
            d.add(new TextField(F_PLAIN, own, Field.Store.NO));
            d.add(new Field(F_WORDS, own, WORDS_TYPE));
        }
        if (aliases != null) {
            for (String name : aliases.split("\n")) {
                String key = nameKey(SearchAnalyzers.wordsOf(name));
                if (!key.isEmpty()) {
                    d.add(new StringField(F_ALIAS, key, Field.Store.NO));
                }
            }
        }
        d.add(new FloatDocValuesField(F_PRIOR, prior(doc)));
        d.add(new NumericDocValuesField(F_DELETED_RANK, doc.deleted() ? 1 : 0));
        d.add(new NumericDocValuesField(F_BILLABLE_RANK, doc.billable() ? 0 : 1));
        d.add(new SortedDocValuesField(F_CODE_SORT, new BytesRef(doc.code())));
        return d;
    }

    /** The stems of a name's words, each once, sorted: the same key for "office visit established patient". */
    static String nameKey(List<String> words) {
        return words.stream().map(SearchAnalyzers::stemOf).distinct().sorted().collect(Collectors.joining(" "));
    }

    /**
     * Multiplies the text score: legacy ICD-9 below the current sets, headers a little below billable codes,
     * so that equal matches put the code a coder can bill first.
     */
    static float prior(SearchDocument doc) {
        float prior = switch (doc.system()) {
            case "icd9cm", "icd9pcs" -> 0.8f;
            case "modifier" -> 0.9f;
            default -> 1.0f;
        };
        if (doc.system().equals("icd10cm") && !doc.code().isEmpty() && CONTEXT_CHAPTERS.indexOf(doc.code().charAt(0)) >= 0) {
            // pregnancy (O), newborn (P), external causes (V-Y) and encounters/history (Z) apply only when the
            // record says so; when the words match equally the plain disease code comes first
            prior *= 0.85f;
        }
        if (!doc.billable()) {
            prior *= 0.9f;
        } else if (doc.system().equals("icd10cm") && doc.code().length() <= 4) {
            // a billable 3- or 4-character ICD-10-CM code is a whole (sub)category: the general code a coder
            // expects before its more specific siblings when the words match equally (I10, R55, N39.0)
            prior *= doc.code().length() == 3 ? 1.1f : 1.05f;
        }
        return prior;
    }

    public int size() {
        return reader.numDocs();
    }

    public long buildMillis() {
        return buildMillis;
    }

    /** Heap held by the index files (the directory's byte buffers). */
    public long indexBytes() {
        long bytes = 0;
        try {
            for (String file : directory.listAll()) {
                bytes += directory.fileLength(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }

    public BrowseTree browse() {
        return browse;
    }

    public Optional<SearchDocument> find(String system, String code) {
        Map<String, SearchDocument> codes = bySystem.get(system);
        return codes == null ? Optional.empty() : Optional.ofNullable(codes.get(SearchDocument.storedForm(code)));
    }

    /** Every indexed document once, in index order. */
    public Collection<SearchDocument> documents() {
        return Collections.unmodifiableList(Arrays.asList(byOrd));
    }

    // ---------------------------------------------------------------- searching

    /** Full search: results with highlights, corrections and expansions. */
    public SearchPage search(SearchQuery query) {
        return run(query, false);
    }

    /** Type-ahead: the last word counts as a prefix; same ranking, typically with a small limit. */
    public SearchPage suggest(SearchQuery query) {
        return run(query, true);
    }

    /** Our lexicon's terms completing what has been typed (brand names, shorthand, lay terms), for type-ahead. */
    public List<String> suggestTerms(String typed, int limit) {
        return synonyms.termsStartingWith(QueryReading.of(typed).text(), limit);
    }

    private SearchPage run(SearchQuery query, boolean typeAhead) {
        String text = query.text() == null ? "" : query.text().strip();
        if (text.isEmpty()) {
            return SearchPage.empty("none");
        }
        try {
            QueryReading reading = QueryReading.of(text);
            Set<String> systems = reading.within(query.systems());
            if (!systems.equals(query.systems())) {
                query = new SearchQuery(query.text(), systems, query.billable(), query.deleted(), query.version(),
                        query.limit(), query.offset(), query.flags());
            }
            text = reading.text();
            Query filter = filter(query);
            String code = SearchDocument.codeLike(text);
            if (code != null) {
                SearchPage page = codeSearch(code, filter, query);
                if (page.total() > 0) {
                    return page;
                }
            }
            List<SearchDocument> exact = exactCodes(text, query);
            SearchPage page = textSearch(text, filter, query, typeAhead);
            return exact.isEmpty() ? page : withExactFirst(exact, page, query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Codes typed among words, in any set and any typing: a word with a digit that is a code ("J1885 ketorolac"), or
     * a query that is one two-character word naming a modifier ("RT", "kx"). They come before the word matches.
     */
    private List<SearchDocument> exactCodes(String text, SearchQuery query) {
        String[] tokens = text.strip().split("[\\s,;]+");
        List<SearchDocument> out = new ArrayList<>();
        for (int t = 0; t < tokens.length && t < MAX_WORDS; t++) {
            // "-59" and "-RT" are modifiers as written after a code
            String token = tokens[t].startsWith("-") ? tokens[t].substring(1) : tokens[t];
            String compact = CodeSystem.compact(token);
            boolean alone = tokens.length == 1 || query.systems().equals(Set.of("modifier"));
            if (compact == null || (compact.length() < 3 && !alone)
                    || !(compact.chars().anyMatch(Character::isDigit) || (alone && compact.length() == 2))) {
                continue;
            }
            for (CodeSystem system : CodeSystem.shapesOf(compact)) {
                if (!query.systems().isEmpty() && !query.systems().contains(system.id())) {
                    continue;
                }
                Map<String, SearchDocument> codes = bySystem.get(system.id());
                SearchDocument d = codes == null ? null : codes.get(compact);
                if (d != null && passes(d, query) && !out.contains(d)) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    /** The score shown for a code typed exactly among words (above any word match). */
    static final float EXACT_SCORE = 100f;

    private static boolean passes(SearchDocument d, SearchQuery query) {
        return (query.billable() == null || query.billable() == d.billable())
                && (query.deleted() == null || query.deleted() == d.deleted())
                && (query.version() == null || query.version().isBlank() || query.version().strip().equals(d.version()))
                && (query.flags().isEmpty() || query.flags().stream().anyMatch(d.flags()::contains));
    }

    private static SearchPage withExactFirst(List<SearchDocument> exact, SearchPage page, SearchQuery query) {
        List<SearchHit> hits = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SearchDocument d : exact) {
            if (seen.add(d.system() + ' ' + d.code())) {
                hits.add(new SearchHit(d.system(), d.displayCode(), d.code(), d.title(), d.billable(), d.status(),
                        d.version(), EXACT_SCORE, Highlighter.escape(d.title()), d.billingUnit(), d.plainText()));
            }
        }
        for (SearchHit h : page.results()) {
            if (seen.add(h.system() + ' ' + h.normalizedCode())) {
                hits.add(h);
            }
        }
        // the exact codes occupy the first places of the first page; later pages continue the word matches
        List<SearchHit> window = query.offset() == 0 ? hits.subList(0, Math.min(query.limit(), hits.size()))
                : page.results();
        return new SearchPage(page.total() + exact.size(), page.total() == 0 ? "code" : page.mode(),
                List.copyOf(window), page.corrections(), page.expansions());
    }

    private Query filter(SearchQuery query) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean any = false;
        if (!query.systems().isEmpty()) {
            BooleanQuery.Builder systems = new BooleanQuery.Builder();
            query.systems().forEach(s -> systems.add(new TermQuery(new Term(F_SYSTEM, s)), Occur.SHOULD));
            b.add(systems.build(), Occur.FILTER);
            any = true;
        }
        if (query.billable() != null) {
            b.add(new TermQuery(new Term(F_BILLABLE, query.billable().toString())), Occur.FILTER);
            any = true;
        }
        if (query.deleted() != null) {
            b.add(new TermQuery(new Term(F_STATUS, query.deleted() ? "deleted" : "active")), Occur.FILTER);
            any = true;
        }
        if (query.version() != null && !query.version().isBlank()) {
            b.add(new TermQuery(new Term(F_VERSION, query.version().strip())), Occur.FILTER);
            any = true;
        }
        if (!query.flags().isEmpty()) {
            BooleanQuery.Builder flags = new BooleanQuery.Builder();
            query.flags().forEach(f -> flags.add(new TermQuery(new Term(F_FLAG, f)), Occur.SHOULD));
            b.add(flags.build(), Occur.FILTER);
            any = true;
        }
        return any ? b.build() : null;
    }

    private SearchPage codeSearch(String code, Query filter, SearchQuery query) throws IOException {
        if (code.isEmpty()) {
            return SearchPage.empty("code");
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(F_CODE, code))), 10f), Occur.SHOULD);
        b.add(new ConstantScoreQuery(new PrefixQuery(new Term(F_CODE, code))), Occur.SHOULD);
        b.setMinimumNumberShouldMatch(1);
        if (filter != null) {
            b.add(filter, Occur.FILTER);
        }
        Highlighter highlighter = new Highlighter(Set.of(), List.of(), code);
        return collect(b.build(), CODE_SORT, query, "code", highlighter, List.of(), List.of());
    }

    private SearchPage textSearch(String text, Query filter, SearchQuery query, boolean typeAhead) throws IOException {
        List<String> words = SearchAnalyzers.wordsOf(text);
        if (words.isEmpty()) {
            return SearchPage.empty("none");
        }
        if (words.size() > MAX_WORDS) {
            words = words.subList(0, MAX_WORDS);
        }
        QueryPlan plan = plan(words, typeAhead);
        if (plan.slots.isEmpty()) {
            return SearchPage.empty("none");
        }
        SearchPage strict = collect(plan.query(plan.slots.size(), filter), TEXT_SORT, query, "text",
                plan.highlighter(), plan.corrections(), plan.expansions());
        if (strict.total() > 0 || plan.slots.size() < 2) {
            return strict;
        }
        int relaxed = Math.max(1, Math.round(plan.slots.size() * 0.6f));
        if (relaxed >= plan.slots.size()) {
            relaxed = plan.slots.size() - 1;
        }
        return collect(plan.query(relaxed, filter), TEXT_SORT, query, "relaxed",
                plan.highlighter(), plan.corrections(), plan.expansions());
    }

    private SearchPage collect(Query q, Sort sort, SearchQuery query, String mode, Highlighter highlighter,
                               List<SearchPage.Correction> corrections, List<SearchPage.Expansion> expansions)
            throws IOException {
        boolean diversify = !mode.equals("code") && query.offset() == 0 && query.systems().size() != 1;
        int window = query.offset() + query.limit() + (diversify ? DIVERSITY_DEPTH : 0);
        TopFieldDocs top = searcher.search(q, new TopFieldCollectorManager(sort, window, null, Integer.MAX_VALUE));
        List<Ranked> ranked = new ArrayList<>();
        ScoreDoc[] docs = top.scoreDocs;
        long[] ordOf = ords(docs, query.offset());
        for (int i = query.offset(); i < docs.length; i++) {
            if (ordOf[i] < 0) {
                continue;
            }
            float score = docs[i].score;
            if (Float.isNaN(score) && docs[i] instanceof FieldDoc fd) {
                // the score is a sort key (after the deleted rank), kept in the FieldDoc's values
                score = fd.fields.length > 1 && fd.fields[1] instanceof Float f ? f
                        : fd.fields[0] instanceof Float f0 ? f0 : 0f;
            }
            ranked.add(new Ranked(byOrd[(int) ordOf[i]], score));
        }
        ranked = diversify ? diversified(ranked, query.limit()) : ranked.subList(0, Math.min(query.limit(), ranked.size()));
        List<SearchHit> hits = new ArrayList<>(ranked.size());
        for (Ranked r : ranked) {
            SearchDocument d = r.doc();
            hits.add(new SearchHit(d.system(), d.displayCode(), d.code(), d.title(), d.billable(), d.status(),
                    d.version(), r.score(), highlighter.highlight(d.title()), d.billingUnit(), d.plainText()));
        }
        return new SearchPage(top.totalHits.value, mode, hits, corrections, expansions);
    }

    /**
     * The {@code F_ORD} of each hit from {@code from} on (-1 where it has none): read with one doc-values reader per
     * segment, in document order, as Lucene's readers are meant to be used; a reader per hit cost a quarter of a
     * search's CPU (each one slices the in-memory index anew).
     */
    private long[] ords(ScoreDoc[] docs, int from) throws IOException {
        long[] out = new long[docs.length];
        java.util.Arrays.fill(out, -1);
        Integer[] order = new Integer[Math.max(0, docs.length - from)];
        for (int i = from; i < docs.length; i++) {
            order[i - from] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> docs[i].doc));
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = null;
        NumericDocValues values = null;
        for (int i : order) {
            int global = docs[i].doc;
            if (leaf == null || global >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(global, leaves));
                values = leaf.reader().getNumericDocValues(F_ORD);
            }
            if (values != null && values.advanceExact(global - leaf.docBase)) {
                out[i] = values.longValue();
            }
        }
        return out;
    }

    /** A matched document and its score, before it becomes a {@link SearchHit} (highlighting only what is shown). */
    record Ranked(SearchDocument doc, float score) {
    }

    /** How far below the first page the best match of another code set is looked for. */
    static final int DIVERSITY_DEPTH = 200;
    /** A code set's best match joins the first places when it scores at least this share of the best match. */
    static final float DIVERSITY_SHARE = 0.35f;

    /**
     * One search box over every set: CPT numbers are found only by our own words (they have no official title), which
     * score structurally below official titles; when the first places hold no CPT code, the best active CPT match
     * that scores close enough to the best match follows the first result ("knee replacement": the PCS replacements
     * and CPT 27447 on the first screen).
     */
    static List<Ranked> diversified(List<Ranked> hits, int limit) {
        if (hits.size() <= 1) {
            return hits.subList(0, Math.min(limit, hits.size()));
        }
        float best = hits.get(0).score();
        int shown = Math.min(limit, 5);
        for (int i = 0; i < Math.min(shown, hits.size()); i++) {
            if (hits.get(i).doc().system().equals("cpt")) {
                return hits.subList(0, Math.min(limit, hits.size()));
            }
        }
        List<Ranked> promoted = new ArrayList<>();
        for (int i = shown; i < hits.size() && promoted.isEmpty(); i++) {
            Ranked h = hits.get(i);
            if (h.doc().system().equals("cpt") && !h.doc().deleted() && h.score() >= best * DIVERSITY_SHARE) {
                promoted.add(h);
            }
        }
        if (promoted.isEmpty()) {
            return hits.subList(0, Math.min(limit, hits.size()));
        }
        List<Ranked> out = new ArrayList<>(hits.size());
        out.add(hits.get(0));
        out.addAll(promoted);
        for (int i = 1; i < hits.size() && out.size() < limit; i++) {
            if (!promoted.contains(hits.get(i))) {
                out.add(hits.get(i));
            }
        }
        return out.subList(0, Math.min(limit, out.size()));
    }

    // ---------------------------------------------------------------- query planning

    /** A query as slots: each typed word (or recognised lay term) is one slot that must match one way or another. */
    private final class QueryPlan {
        final List<Query> slots = new ArrayList<>();
        final List<String> phraseStems = new ArrayList<>();
        final Set<String> stems = new HashSet<>();
        final List<String> prefixes = new ArrayList<>();
        final List<SearchPage.Correction> corrections = new ArrayList<>();
        final List<SearchPage.Expansion> expansions = new ArrayList<>();
        /** The codes the whole query is an alias of, or null. */
        Query alias;

        Query query(int minimumMatch, Query filter) {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            slots.forEach(s -> all.add(s, Occur.SHOULD));
            all.setMinimumNumberShouldMatch(minimumMatch);
            BooleanQuery.Builder outer = new BooleanQuery.Builder();
            outer.add(all.build(), Occur.MUST);
            if (phraseStems.size() > 1) {
                PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(3);
                phraseStems.forEach(s -> phrase.add(new Term(F_TITLE, s)));
                outer.add(new BoostQuery(phrase.build(), 0.5f), Occur.SHOULD);
            }
            if (!stems.contains(UNSPECIFIED)) {
                // "pneumonia" means the unspecified code until the coder says more
                outer.add(new BoostQuery(new TermQuery(new Term(F_TITLE, UNSPECIFIED)), 0.3f), Occur.SHOULD);
            }
            if (alias != null) {
                outer.add(alias, Occur.SHOULD);
            }
            if (filter != null) {
                outer.add(filter, Occur.FILTER);
            }
            return FunctionScoreQuery.boostByValue(outer.build(), DoubleValuesSource.fromFloatField(F_PRIOR));
        }

        Highlighter highlighter() {
            return new Highlighter(stems, prefixes, null);
        }

        List<SearchPage.Correction> corrections() {
            return List.copyOf(corrections);
        }

        List<SearchPage.Expansion> expansions() {
            return List.copyOf(expansions);
        }
    }

    private QueryPlan plan(List<String> typedWords, boolean typeAhead) throws IOException {
        QueryPlan plan = new QueryPlan();
        Term alias = new Term(F_ALIAS, nameKey(typedWords));
        if (reader.docFreq(alias) > 0) {
            plan.alias = new BoostQuery(new ConstantScoreQuery(new TermQuery(alias)), ALIAS_SCORE);
        }
        // a word in no title and none of our terms, close to one of our terms (a brand name, shorthand), is read as
        // that term before the dictionaries see it: "toradal" is Toradol, never "tornado"
        List<String> words = new ArrayList<>(typedWords);
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            if (typeAhead && w == words.size() - 1) {
                continue;
            }
            if (!synonyms.knows(word) && reader.docFreq(new Term(F_WORDS, word)) == 0) {
                String term = synonyms.closestTerm(word);
                if (term != null) {
                    words.set(w, term);
                    plan.corrections.add(new SearchPage.Correction(word, List.of(term)));
                }
            }
        }
        Map<Integer, SynonymDictionary.Match> matchAt = new HashMap<>();
        for (SynonymDictionary.Match m : synonyms.find(words)) {
            matchAt.put(m.start(), m);
        }
        int i = 0;
        while (i < words.size()) {
            SynonymDictionary.Match match = matchAt.get(i);
            if (match == null) {
                boolean last = i == words.size() - 1;
                plan.slots.add(wordClause(words.get(i), typeAhead && last, true, plan));
                plan.phraseStems.add(SearchAnalyzers.stemOf(words.get(i)));
                i++;
                continue;
            }
            List<Query> alternatives = new ArrayList<>();
            List<String> typed = words.subList(match.start(), match.end());
            boolean lastSlot = match.end() == words.size();
            // the typed words still count, below the official wording: "broken hip" is rarely a broken prosthesis
            alternatives.add(new BoostQuery(allOf(typed, typeAhead && lastSlot, false, plan),
                    match.selfListed() ? 1f : 0.6f));
            Query own = ownWords(typed);
            if (own != null) {
                // our own words of a code (plain text, aliases) are written the way people type: no lay-term discount
                alternatives.add(own);
            }
            List<String> searched = new ArrayList<>();
            for (List<String> expansion : match.expansions()) {
                alternatives.add(allOf(expansion, false, false, plan));
                searched.add(String.join(" ", expansion));
            }
            plan.expansions.add(new SearchPage.Expansion(String.join(" ", typed), searched));
            plan.slots.add(new DisjunctionMaxQuery(alternatives, 0f));
            i = match.end();
        }
        return plan;
    }

    /** All of the typed words in our own words of a code, at {@link #PLAIN_WEIGHT}; null when one is in none. */
    private Query ownWords(List<String> typed) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String word : typed) {
            Term term = new Term(F_PLAIN, SearchAnalyzers.stemOf(word));
            if (reader.docFreq(term) == 0) {
                return null;
            }
            b.add(new TermQuery(term), Occur.MUST);
        }
        return new BoostQuery(b.build(), PLAIN_WEIGHT);
    }

    private Query allOf(List<String> words, boolean lastIsPrefix, boolean correct, QueryPlan plan)
            throws IOException {
        if (words.size() == 1) {
            return wordClause(words.get(0), lastIsPrefix, correct, plan);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (int w = 0; w < words.size(); w++) {
            b.add(wordClause(words.get(w), lastIsPrefix && w == words.size() - 1, correct, plan), Occur.MUST);
        }
        return b.build();
    }

    /**
     * One word: its stem; when the exact word is not in any title, close spellings (the closest weighted highest);
     * for type-ahead, or when nothing else matches, the words it starts.
     */
    private Query wordClause(String word, boolean asPrefix, boolean correct, QueryPlan plan) throws IOException {
        List<Query> alternatives = new ArrayList<>();
        String stem = SearchAnalyzers.stemOf(word);
        plan.stems.add(stem);
        boolean inTitles = reader.docFreq(new Term(F_TITLE, stem)) > 0;
        boolean inOwn = reader.docFreq(new Term(F_PLAIN, stem)) > 0;
        boolean stemKnown = inTitles || inOwn;
        if (inTitles) {
            alternatives.add(new TermQuery(new Term(F_TITLE, stem)));
        }
        int stemAt = alternatives.size() - 1;
        if (inOwn) {
            alternatives.add(new BoostQuery(new TermQuery(new Term(F_PLAIN, stem)), PLAIN_WEIGHT));
        }
        boolean corrected = false;
        if (correct && !asPrefix && word.length() >= 4 && !Character.isDigit(word.charAt(0))
                && reader.docFreq(new Term(F_WORDS, word)) == 0 && !synonyms.knows(word)) {
            SuggestWord[] suggestions = spellChecker.suggestSimilar(new Term(F_WORDS, word), 3, reader,
                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            List<String> searched = new ArrayList<>();
            for (SuggestWord s : suggestions) {
                String fixedStem = SearchAnalyzers.stemOf(s.string);
                if (fixedStem.equals(stem) || plan.stems.contains(fixedStem)) {
                    continue;
                }
                float weight = searched.isEmpty() ? 0.9f : 0.3f;
                alternatives.add(new BoostQuery(new TermQuery(new Term(F_TITLE, fixedStem)), weight));
                alternatives.add(new BoostQuery(new TermQuery(new Term(F_PLAIN, fixedStem)), weight * PLAIN_WEIGHT));
                plan.stems.add(fixedStem);
                searched.add(s.string);
            }
            if (!searched.isEmpty()) {
                plan.corrections.add(new SearchPage.Correction(word, searched));
                corrected = true;
                if (stemAt >= 0) {
                    // "migrane" stems like "migrans": an accident of the stemmer, weaker than the correction
                    alternatives.set(stemAt, new BoostQuery(alternatives.get(stemAt), 0.5f));
                }
            }
        }
        if ((asPrefix || (!stemKnown && !corrected)) && word.length() >= 2) {
            alternatives.add(new BoostQuery(new ConstantScoreQuery(new PrefixQuery(new Term(F_WORDS, word))), 0.5f));
            plan.prefixes.add(word);
        }
        if (alternatives.isEmpty()) {
            return new MatchNoDocsQuery("unknown word");
        }
        // a word in the title and in our own words of the code counts a little more than in the title alone
        return alternatives.size() == 1 ? alternatives.get(0) : new DisjunctionMaxQuery(alternatives, OWN_WORDS_TIE);
    }

    // ---------------------------------------------------------------- highlighting

    /** Wraps the title words that matched (by stem or typed prefix) in {@code <mark>}; escapes everything else. */
    static final class Highlighter {
        private final Set<String> stems;
        private final List<String> prefixes;
        private final String codeMatch;

        Highlighter(Set<String> stems, List<String> prefixes, String codeMatch) {
            this.stems = stems;
            this.prefixes = prefixes;
            this.codeMatch = codeMatch;
        }

        String highlight(String title) {
            if (title == null || title.isEmpty() || (stems.isEmpty() && prefixes.isEmpty())) {
                return escape(title == null ? "" : title);
            }
            StringBuilder out = new StringBuilder(title.length() + 32);
            int at = 0;
            try (TokenStream ts = SearchAnalyzers.stems().tokenStream(F_TITLE, title)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    int start = offset.startOffset();
                    int end = offset.endOffset();
                    if (start < at) {
                        continue;
                    }
                    if (matches(term.toString(), title.substring(start, end))) {
                        out.append(escape(title.substring(at, start))).append("<mark>")
                                .append(escape(title.substring(start, end))).append("</mark>");
                        at = end;
                    }
                }
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.append(escape(title.substring(at)));
            return out.toString();
        }

        private boolean matches(String stem, String surface) {
            if (stems.contains(stem)) {
                return true;
            }
            String lower = surface.toLowerCase(java.util.Locale.ROOT);
            for (String p : prefixes) {
                if (lower.startsWith(p)) {
                    return true;
                }
            }
            return false;
        }

        String codeMatch() {
            return codeMatch;
        }

        static String escape(String s) {
            StringBuilder out = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '&' -> out.append("&amp;");
                    case '"' -> out.append("&quot;");
                    default -> out.append(c);
                }
            }
            return out.toString();
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }

    /** Reference counting so a swapped-out index closes only after its last in-flight search. */
    boolean tryIncRef() {
        return reader.tryIncRef();
    }

    void decRef() {
        try {
            reader.decRef();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
