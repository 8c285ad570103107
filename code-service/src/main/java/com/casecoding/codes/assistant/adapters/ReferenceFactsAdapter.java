package com.casecoding.codes.assistant.adapters;

import com.casecoding.codes.assistant.data.ReferenceFacts;
import com.casecoding.codes.assistant.data.ReleaseRef;
import com.casecoding.codes.reference.RefRelease;
import com.casecoding.codes.reference.query.ReferenceQueries;

import java.time.LocalDate;
import java.util.List;

/** {@link ReferenceFacts} over the reference feature's {@link ReferenceQueries}. */
final class ReferenceFactsAdapter implements ReferenceFacts {

    private final ReferenceQueries queries;

    ReferenceFactsAdapter(ReferenceQueries queries) {
        this.queries = queries;
    }

    private static Fact fact(ReferenceQueries.Answer<?> a) {
        List<ReleaseRef> sources = a.sources() == null ? List.of() : a.sources().stream()
                .map(ReferenceFactsAdapter::ref).toList();
        return new Fact(a.answered(), a.sentence(), sources);
    }

    private static ReleaseRef ref(RefRelease r) {
        return new ReleaseRef(r.dataset(), r.version(), r.effectiveDate());
    }

    @Override
    public Fact hcc(String code, String model) {
        return fact(queries.hcc(code, model));
    }

    @Override
    public Fact severity(String code) {
        return fact(queries.severity(code));
    }

    @Override
    public Fact hccForCondition(String words, String model) {
        return fact(queries.hccForCondition(words, model));
    }

    @Override
    public Fact drg(String number) {
        return fact(queries.drg(number));
    }

    @Override
    public Fact excludes1(List<String> codes, LocalDate date) {
        return fact(queries.excludes1(codes, date));
    }
}
