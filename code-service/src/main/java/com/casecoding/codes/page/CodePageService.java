package com.casecoding.codes.page;

import com.casecoding.codes.imports.ImportCompleted;
import com.casecoding.common.codes.CodeSystem;
import com.casecoding.common.problem.ProblemException;
import com.casecoding.common.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Builds code pages. A page is resolved with one indexed query (every release holding the code), each section adds
 * its own indexed lookups; both audiences' answers (registered: every section; guest: the registered-only sections
 * replaced by locked stubs) are then kept serialized in memory until the next import or common-language edit. The
 * cache holds bytes only (no object graphs) and is bounded by {@code code-page.cache-max-mb}: when full, a random
 * quarter of it is dropped, so a crawl over every code never grows the heap.
 */
@ApplicationScoped
public class CodePageService {

    static final String UNLOCK = "Register a free account to view this section";

    @Inject
    CodeRepository repository;

    @Inject
    Instance<CodePageSection> sectionBeans;

    @Inject
    Instance<AddOnLookup> addOnLookups;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "code-page.cache-max-mb", defaultValue = "64")
    int cacheMaxMb;
    private volatile long budgetBytes = -1;

    private final Map<String, byte[]> json = new ConcurrentHashMap<>();
    private final AtomicLong cachedBytes = new AtomicLong();
    private final Map<String, List<CodePageContext.ReleaseRef>> releases = new ConcurrentHashMap<>();
    private volatile List<CodePageSection> sections;

    void onImport(@Observes ImportCompleted event) {
        invalidate();
    }

    /** Forgets every cached page and release list. */
    public void invalidate() {
        releases.clear();
        json.clear();
        cachedBytes.set(0);
    }

    private static String jsonKey(String systemId, String typed, String version, LocalDate date, boolean registered) {
        return (registered ? "r|" : "g|") + systemId + '|' + typed + '|' + (version == null ? "" : version)
                + '|' + (date == null ? "" : date);
    }

    /** The serialized page if it is in memory (never touches the database: safe on the event loop), else null. */
    public byte[] cachedJson(String systemId, String typed, String version, LocalDate date, boolean registered) {
        return json.get(jsonKey(systemId, typed, version, date, registered));
    }

    /** The page already serialized: the hot path of the code page endpoint is one map lookup. */
    public byte[] pageJson(String systemId, String typed, String version, LocalDate date, boolean registered) {
        byte[] bytes = json.get(jsonKey(systemId, typed, version, date, registered));
        if (bytes != null) {
            return bytes;
        }
        CodePage full = page(systemId, typed, version, date, true);
        byte[] forRegistered = serialize(full);
        byte[] forGuests = serialize(forGuest(full));
        cache(jsonKey(systemId, typed, version, date, true), forRegistered);
        cache(jsonKey(systemId, typed, version, date, false), forGuests);
        return registered ? forRegistered : forGuests;
    }

    /** Cached bytes in total (for tests and metrics). */
    long cachedBytes() {
        return cachedBytes.get();
    }

    /** Overrides {@code code-page.cache-max-mb} (tests: a budget a handful of pages exceed); negative = configured. */
    void budgetBytes(long bytes) {
        budgetBytes = bytes;
    }

    private byte[] serialize(CodePage page) {
        try {
            return mapper.writeValueAsBytes(page);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("code page not serializable", e);
        }
    }

    private void cache(String key, byte[] bytes) {
        long budget = budgetBytes >= 0 ? budgetBytes : (long) cacheMaxMb << 20;
        if (bytes.length > budget) {
            return;
        }
        if (cachedBytes.get() + bytes.length > budget) {
            // ConcurrentHashMap iterates in hash order: dropping the first entries drops an arbitrary sample
            long target = budget * 3 / 4;
            Iterator<Map.Entry<String, byte[]>> it = json.entrySet().iterator();
            while (cachedBytes.get() + bytes.length > target && it.hasNext()) {
                byte[] dropped = it.next().getValue();
                it.remove();
                cachedBytes.addAndGet(-dropped.length);
            }
        }
        byte[] previous = json.put(key, bytes);
        cachedBytes.addAndGet(bytes.length - (previous == null ? 0 : previous.length));
    }

    /** The page as objects, built from the database (not cached: {@link #pageJson} caches the serialized form). */
    public CodePage page(String systemId, String typed, String version, LocalDate date, boolean registered) {
        CodeSystem system = system(systemId);
        String code = system.normalize(typed).orElseThrow(() -> ProblemException.invalidField("code",
                "'" + typed + "' is not a " + system.label() + " code. " + system.description()));
        CodePage full = build(system, code, version, date);
        return registered ? full : forGuest(full);
    }

    public CodeSystem system(String systemId) {
        return CodeSystem.fromId(systemId).orElseThrow(() -> ProblemException.notFound("Unknown code system '"
                + systemId + "'. Supported: " + Arrays.stream(CodeSystem.values()).map(CodeSystem::id)
                .collect(Collectors.joining(", ")) + "."));
    }

    /** True when the code exists in some loaded release of the system. */
    public boolean exists(CodeSystem system, String code) {
        return !repository.find(system, code).isEmpty();
    }

    private CodePage build(CodeSystem system, String code, String version, LocalDate date) {
        String display = system.display(code);
        List<CodePageContext.ReleaseRef> loaded = releases.computeIfAbsent(CodeRepository.datasetOf(system),
                repository::releases);
        if (loaded.isEmpty()) {
            throw notFound(system, code, display, "No " + system.label() + " release is loaded.", null);
        }
        CodePageContext.ReleaseRef target = target(system, loaded, version, date);
        List<CodeRepository.Found> found = repository.find(system, code);
        Optional<CodeRepository.Found> inTarget = found.stream().filter(f -> f.release().id() == target.id())
                .findFirst();
        CodeRepository.Found shown;
        CodePage.Deletion deletion = null;
        if (inTarget.isPresent()) {
            shown = inTarget.get();
        } else {
            Optional<CodeRepository.Found> earlier = found.stream()
                    .filter(f -> f.release().effectiveDate().isBefore(target.effectiveDate())).findFirst();
            if (earlier.isEmpty()) {
                String detail = found.isEmpty()
                        ? "No " + system.label() + " code " + display + " exists in the loaded releases."
                        : system.label() + " code " + display + " is not in release " + target.version()
                        + "; it first appears in " + found.get(found.size() - 1).release().version() + ".";
                throw notFound(system, code, display, detail, target);
            }
            shown = earlier.get();
            CodePageContext.ReleaseRef next = loaded.stream()
                    .filter(r -> r.effectiveDate().isAfter(earlier.get().release().effectiveDate()))
                    .min(Comparator.comparing(CodePageContext.ReleaseRef::effectiveDate)).orElse(target);
            deletion = new CodePage.Deletion(next.version(), next.effectiveDate());
        }
        CodePageContext.ReleaseRef release = shown.release();
        boolean current = release.id() == loaded.get(0).id();
        release = new CodePageContext.ReleaseRef(release.id(), release.dataset(), release.version(),
                release.effectiveDate(), current);
        CodePageContext.Entry entry = shown.entry();
        if (deletion == null && Boolean.TRUE.equals(entry.attrs().get("terminated"))) {
            Object when = entry.attrs().get("terminationDate");
            deletion = new CodePage.Deletion(null, when == null ? null : LocalDate.parse(when.toString()));
        }
        CodePageContext context = new CodePageContext(system, code, display, release, entry);
        List<CodePage.Section> content = new ArrayList<>();
        for (CodePageSection section : sections()) {
            if (!section.appliesTo(system)) {
                continue;
            }
            Object body = section.content(context);
            if (body != null) {
                content.add(new CodePage.Section(section.key(), section.title(),
                        section.access() == CodePageSection.Access.GUEST ? "guest" : "registered", false, null, body));
            }
        }
        Boolean addOn = null;
        if (system == CodeSystem.CPT || system == CodeSystem.HCPCS) {
            for (AddOnLookup lookup : addOnLookups) {
                Optional<Boolean> answer = lookup.isAddOn(system.id(), code);
                if (answer.isPresent()) {
                    addOn = answer.get();
                    break;
                }
            }
        }
        return new CodePage(display, system.id(), system.label(),
                new CodePage.Release(release.version(), release.effectiveDate(), current),
                deletion == null ? "active" : "deleted", deletion, !entry.header(), addOn, "registered",
                List.copyOf(content));
    }

    private CodePageContext.ReleaseRef target(CodeSystem system, List<CodePageContext.ReleaseRef> loaded,
                                              String version, LocalDate date) {
        if (version != null && !version.isBlank()) {
            return loaded.stream().filter(r -> r.version().equalsIgnoreCase(version.trim())).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("No " + system.label() + " release '" + version
                            + "' is loaded. Loaded: " + loaded.stream().map(CodePageContext.ReleaseRef::version)
                            .collect(Collectors.joining(", ")) + "."));
        }
        if (date != null) {
            return loaded.stream().filter(r -> !r.effectiveDate().isAfter(date)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("No loaded " + system.label()
                            + " release was in effect on " + date + "; the oldest starts "
                            + loaded.get(loaded.size() - 1).effectiveDate() + "."));
        }
        return loaded.get(0);
    }

    private ProblemException notFound(CodeSystem system, String code, String display, String detail,
                                      CodePageContext.ReleaseRef release) {
        List<Map<String, Object>> suggestions = new ArrayList<>();
        if (release != null) {
            for (CodeRepository.CodeTitle t : suggestions(system, code, release.id())) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("code", system.display(t.code()));
                s.put("title", t.title());
                s.put("billable", !t.header());
                s.put("href", "/api/codes/" + system.id() + "/" + t.code());
                suggestions.add(s);
            }
        }
        return new ProblemException(ProblemType.NOT_FOUND, 404, ProblemType.NOT_FOUND.title(),
                detail + (suggestions.isEmpty() ? "" : " Close existing codes are listed in 'suggestions'."),
                List.of()).with("system", system.id()).with("code", display).with("suggestions", suggestions);
    }

    /** Existing codes close to an unknown one: the longest existing prefix's children, then alphabetic neighbours. */
    List<CodeRepository.CodeTitle> suggestions(CodeSystem system, String code, long releaseId) {
        Map<String, CodeRepository.CodeTitle> out = new LinkedHashMap<>();
        for (int len = code.length() - 1; len >= 1 && out.isEmpty(); len--) {
            String prefix = code.substring(0, len);
            for (CodeRepository.CodeTitle t : repository.neighbours(releaseId, system, prefix, true, 8)) {
                if (t.code().startsWith(prefix)) {
                    out.put(t.code(), t);
                }
            }
        }
        if (out.size() < 8) {
            repository.neighbours(releaseId, system, code, false, 2).forEach(t -> out.putIfAbsent(t.code(), t));
            repository.neighbours(releaseId, system, code, true, 2).forEach(t -> out.putIfAbsent(t.code(), t));
        }
        return out.values().stream().limit(10).toList();
    }

    private static CodePage forGuest(CodePage full) {
        List<CodePage.Section> sections = full.sections().stream()
                .map(s -> s.access().equals("guest") ? s
                        : new CodePage.Section(s.key(), s.title(), s.access(), true, UNLOCK, null))
                .toList();
        return new CodePage(full.code(), full.system(), full.systemLabel(), full.release(), full.status(),
                full.deleted(), full.billable(), full.addOn(), "guest", sections);
    }

    private List<CodePageSection> sections() {
        List<CodePageSection> s = sections;
        if (s == null) {
            s = sectionBeans.stream().sorted(Comparator.comparingInt(CodePageSection::order)).toList();
            sections = s;
        }
        return s;
    }
}
