package com.casecoding.codes.imports;

import com.casecoding.codes.release.ImportCompleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test observer: records every ImportCompleted event, as the search feature's index rebuild would receive it. */
@ApplicationScoped
public class ImportEventsProbe {

    private final List<ImportCompleted> seen = new CopyOnWriteArrayList<>();

    void on(@Observes ImportCompleted event) {
        seen.add(event);
    }

    /** A method, not the field: the test talks to a client proxy. */
    public List<ImportCompleted> seen() {
        return seen;
    }
}
