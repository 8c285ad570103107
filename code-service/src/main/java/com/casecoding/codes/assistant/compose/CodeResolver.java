package com.casecoding.codes.assistant.compose;

import com.casecoding.codes.assistant.data.CodeCatalog;
import com.casecoding.codes.assistant.data.CodeRecord;
import com.casecoding.codes.assistant.understand.CodeMention;
import com.casecoding.common.codes.CodeSystem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the codes a question names into records of the loaded data. When a token fits several systems (25000 is a
 * CPT number and ICD-9 250.00 without the dot; E119 is ICD-10-CM E11.9), the system the question names wins, then
 * the system a caller prefers for the intent, then the order of {@link #ORDER}.
 */
public final class CodeResolver {

    static final List<CodeSystem> ORDER = List.of(CodeSystem.ICD10CM, CodeSystem.CPT, CodeSystem.HCPCS,
            CodeSystem.ICD10PCS, CodeSystem.ICD9CM, CodeSystem.ICD9PCS);

    private final CodeCatalog catalog;

    public CodeResolver(CodeCatalog catalog) {
        this.catalog = catalog;
    }

    public record Resolved(List<CodeRecord> found, List<CodeMention> missing) {
    }

    public Resolved resolve(List<CodeMention> mentions, Optional<CodeSystem> hint, List<CodeSystem> preferred) {
        List<CodeRecord> found = new ArrayList<>();
        List<CodeMention> missing = new ArrayList<>();
        for (CodeMention m : mentions) {
            Optional<CodeRecord> r = resolve(m, hint, preferred);
            if (r.isPresent()) {
                found.add(r.get());
            } else {
                missing.add(m);
            }
        }
        return new Resolved(found, missing);
    }

    public Optional<CodeRecord> resolve(CodeMention m, Optional<CodeSystem> hint, List<CodeSystem> preferred) {
        for (CodeSystem s : order(m, hint, preferred)) {
            Optional<CodeRecord> r = catalog.lookup(s, m.code());
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    /**
     * Every loaded record the mention may be, the likeliest first: with a named system that one only (when it
     * holds the code), else each system whose shape the token has and that holds it (G0439 is HCPCS G0439 first,
     * then ICD-10-CM G04.39).
     */
    public List<CodeRecord> resolveAll(CodeMention m, Optional<CodeSystem> hint, List<CodeSystem> preferred) {
        List<CodeRecord> out = new ArrayList<>();
        for (CodeSystem s : order(m, hint, preferred)) {
            catalog.lookup(s, m.code()).ifPresent(out::add);
            if (!out.isEmpty() && hint.filter(s::equals).isPresent()) {
                break;
            }
        }
        return out;
    }

    /** The systems a mention is looked up in, likeliest first (consult drafts resolve written codes with it). */
    public static List<CodeSystem> likelySystems(CodeMention m) {
        return order(m, Optional.empty(), List.of());
    }

    private static List<CodeSystem> order(CodeMention m, Optional<CodeSystem> hint, List<CodeSystem> preferred) {
        List<CodeSystem> order = new ArrayList<>();
        hint.filter(m.shapes()::contains).ifPresent(order::add);
        preferred.stream().filter(m.shapes()::contains).forEach(order::add);
        if (writtenAsHcpcs(m)) {
            // a letter and four digits written without a dot is how HCPCS codes are written; ICD-10-CM codes of
            // that shape are written with their dot (G04.39)
            order.add(CodeSystem.HCPCS);
        }
        ORDER.stream().filter(m.shapes()::contains).forEach(order::add);
        return order.stream().distinct().toList();
    }

    private static boolean writtenAsHcpcs(CodeMention m) {
        return m.shapes().contains(CodeSystem.HCPCS) && m.typed().indexOf('.') < 0;
    }
}
