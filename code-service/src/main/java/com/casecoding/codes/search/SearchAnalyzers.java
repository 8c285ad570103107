package com.casecoding.codes.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The two analyzers of the title text. {@link #words()} keeps whole words (lower case, accents folded, a few
 * function words dropped): it feeds spelling correction and type-ahead prefixes. {@link #stems()} adds Porter
 * stemming so that "fractured", "fractures" and "fracture" meet.
 */
public final class SearchAnalyzers {

    /**
     * Only words that carry no meaning in a code title. "with", "without", "not", "no" and "other" stay: in
     * ICD-10-CM they separate different codes (E11.9 "without complications").
     */
    static final CharArraySet STOP_WORDS = CharArraySet.unmodifiableSet(new CharArraySet(
            List.of("a", "an", "the", "of", "and", "or", "to", "in", "on", "at", "by", "for", "is", "as", "my", "i"),
            true));

    private static final Analyzer WORDS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream stream = new EnglishPossessiveFilter(source);
            stream = new LowerCaseFilter(stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(stream, STOP_WORDS);
            return new TokenStreamComponents(source, stream);
        }
    };

    private static final Analyzer STEMS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream stream = new EnglishPossessiveFilter(source);
            stream = new LowerCaseFilter(stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(stream, STOP_WORDS);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    };

    private SearchAnalyzers() {
    }

    public static Analyzer words() {
        return WORDS;
    }

    public static Analyzer stems() {
        return STEMS;
    }

    /** The words of a text as {@link #words()} sees them. */
    public static List<String> wordsOf(String text) {
        return tokens(WORDS, text);
    }

    /** The stem of one word (the word itself when it is a stop word or stems to nothing). */
    public static String stemOf(String word) {
        List<String> stems = tokens(STEMS, word);
        return stems.isEmpty() ? word : stems.get(0);
    }

    static List<String> tokens(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("t", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
