package com.casecoding.codes.page;

import com.casecoding.codes.catalog.CodeCatalog;
import com.casecoding.codes.catalog.CodeStatus;
import com.casecoding.codes.release.CodeKinds;
import com.casecoding.codes.release.CodeTextsChanged;
import com.casecoding.codes.release.Currency;
import com.casecoding.codes.release.DerivedCache;
import com.casecoding.codes.release.ImportCompleted;
import com.casecoding.codes.release.LoadedRelease;
import com.casecoding.codes.release.ReleaseCalendar;
import com.casecoding.codes.release.ReleaseCatalog;
import com.casecoding.common.codes.CodeKey;
import com.casecoding.common.codes.CodeSystem;
import com.casecoding.common.problem.ProblemException;
import com.casecoding.common.problem.ProblemType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    Instance<FeeScheduleLookup> feeLookups;

    @Inject
    CodeCatalog catalog;

    @Inject
    ReleaseCatalog releases;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "code-page.cache-max-mb", defaultValue = "64")
    int cacheMaxMb;

    /** Serialized pages, per audience, bounded by their bytes ({@code code-page.cache-max-mb}). */
    private DerivedCache<String, byte[]> json;
    private volatile List<CodePageSection> sections;
    /** The day the cached pages were built for: a page says what is in force "today", so a new day starts afresh. */
    private volatile LocalDate cacheDay;

    void onImport(@Observes ImportCompleted event) {
        invalidate();
    }

    void onTexts(@Observes CodeTextsChanged event) {
        invalidate();
    }

    @PostConstruct
    void createCache() {
        json = DerivedCache.ofWeight((long) cacheMaxMb << 20, bytes -> bytes.length);
    }

    /** Forgets every cached page and release list. */
    public void invalidate() {
        json.invalidateAll();
    }

    private String jsonKey(String systemId, String typed, String version, LocalDate date, boolean registered) {
        LocalDate today = catalog.today();
        if (!today.equals(cacheDay)) {
            invalidate();
            cacheDay = today;
        }
        return (registered ? "r|" : "g|") + systemId + '|' + typed + '|' + (version == null ? "" : version)
                + '|' + (date == null ? today : date);
    }

    /** The serialized page if it is in memory (never touches the database: safe on the event loop), else null. */
    public byte[] cachedJson(String systemId, String typed, String version, LocalDate date, boolean registered) {
        return json.getIfPresent(jsonKey(systemId, typed, version, date, registered));
    }

    /** The page already serialized: the hot path of the code page endpoint is one map lookup. */
    public byte[] pageJson(String systemId, String typed, String version, LocalDate date, boolean registered) {
        byte[] bytes = json.getIfPresent(jsonKey(systemId, typed, version, date, registered));
        if (bytes != null) {
            return bytes;
        }
        long generation = json.generation();
        CodePage full = page(systemId, typed, version, date, true);
        byte[] forRegistered = serialize(full);
        byte[] forGuests = serialize(forGuest(full));
        json.put(generation, jsonKey(systemId, typed, version, date, true), forRegistered);
        json.put(generation, jsonKey(systemId, typed, version, date, false), forGuests);
        return registered ? forRegistered : forGuests;
    }

    /** Cached bytes in total (for tests and metrics). */
    long cachedBytes() {
        return json.weight();
    }

    /** Overrides {@code code-page.cache-max-mb} (tests: a budget a handful of pages exceed); negative = configured. */
    void budgetBytes(long bytes) {
        json.maximum(bytes >= 0 ? bytes : (long) cacheMaxMb << 20);
    }

    private byte[] serialize(CodePage page) {
        try {
            return mapper.writeValueAsBytes(page);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("code page not serializable", e);
        }
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
        return system.accepts(code) && catalog.exists(new CodeKey(system, code));
    }

    private CodePage build(CodeSystem system, String code, String version, LocalDate date) {
        String display = system.display(code);
        CodeKey key = new CodeKey(system, code);
        String dataset = CodeKinds.dataset(key);
        List<LoadedRelease> loaded = releases.releases(dataset);
        if (loaded.isEmpty()) {
            throw notFound(system, code, display, "No " + ReleaseCalendar.label(dataset) + " release is loaded.",
                    null);
        }
        LocalDate today = catalog.today();
        List<CodeRepository.Found> found = repository.find(system, code).stream()
                .filter(f -> f.release().dataset().equals(dataset)).toList();
        LoadedRelease shown;
        LocalDate asOf;
        CodeStatus status;
        if (version != null && !version.isBlank()) {
            shown = loaded.stream().filter(r -> r.version().equalsIgnoreCase(version.trim())).reduce((a, b) -> b)
                    .orElseThrow(() -> ProblemException.notFound("No " + ReleaseCalendar.label(dataset)
                            + " release '" + version + "' is loaded. Loaded: " + loaded.stream()
                            .map(LoadedRelease::version).collect(Collectors.joining(", ")) + "."));
            if (found.stream().noneMatch(f -> f.release().id() == shown.id())) {
                String detail = found.isEmpty()
                        ? "No " + system.label() + " code " + display + " exists in the loaded releases."
                        : system.label() + " code " + display + " is not in release " + shown.version()
                        + "; it first appears in " + found.get(found.size() - 1).release().version() + ".";
                throw notFound(system, code, display, detail, shown);
            }
            // the page of an older (or later) release: its status as that release applied
            asOf = date != null ? date : shown.period().covers(today) ? today : shown.period().from();
            status = catalog.status(key, asOf);
        } else {
            asOf = date != null ? date : today;
            status = catalog.status(key, asOf);
            if (!status.exists()) {
                LoadedRelease around = status.release() != null ? status.release()
                        : releases.inEffect(dataset, asOf).orElse(loaded.get(loaded.size() - 1));
                throw notFound(system, code, display, status.message(), around);
            }
            shown = status.record();
        }
        CodeRepository.Found row = found.stream().filter(f -> f.release().id() == shown.id()).findFirst()
                .orElseThrow(() -> new IllegalStateException(display + " not found in release " + shown.id()));
        boolean current = releases.inEffect(dataset, asOf).map(r -> r.id() == shown.id()).orElse(false);
        CodePageContext.ReleaseRef release = new CodePageContext.ReleaseRef(shown.id(), dataset, shown.version(),
                shown.effectiveDate(), current);
        CodePageContext.Entry entry = row.entry();
        CodePage.Deletion deletion = status.state() == CodeStatus.State.TERMINATED
                ? new CodePage.Deletion(status.release() != null && status.release().id() != shown.id()
                ? status.release().version() : null, status.until().plusDays(1), status.until(), status.basis())
                : null;
        CodePageContext context = new CodePageContext(system, code, display, release, entry, asOf, status);
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
        CodePage.FeeSchedule fee = null;
        if (system == CodeSystem.CPT || system == CodeSystem.HCPCS) {
            for (AddOnLookup lookup : addOnLookups) {
                Optional<Boolean> answer = lookup.isAddOn(system.id(), code);
                if (answer.isPresent()) {
                    addOn = answer.get();
                    break;
                }
            }
            for (FeeScheduleLookup lookup : feeLookups) {
                Optional<CodePage.FeeSchedule> answer = lookup.status(system.id(), code);
                if (answer.isPresent()) {
                    fee = answer.get();
                    break;
                }
            }
        }
        Currency currency = catalog.currency(key, asOf);
        boolean partial = !shown.listsAll(CodeKinds.kind(system, code));
        return new CodePage(display, system.id(), system.label(),
                new CodePage.Release(shown.version(), shown.effectiveDate(), shown.period().from(),
                        shown.period().to(), current, partial ? Boolean.TRUE : null),
                asOf, statusWord(status.state()), status.message(), deletion, billable(status), entry.header(),
                addOn, fee, currency.covered() && currency.notice() == null ? null : currency, "registered",
                List.copyOf(content), null);
    }

    /**
     * Valid for billing as far as the loaded data says: not a header, and not deleted or not yet effective on the
     * date; a code the loaded data cannot confirm (stale releases) keeps the flag of the release shown, and the
     * page's status and statusNote say why.
     */
    static boolean billable(CodeStatus status) {
        return !status.header() && (status.state() == CodeStatus.State.VALID
                || status.state() == CodeStatus.State.UNVERIFIED);
    }

    /** The page's status word for a catalog state. */
    static String statusWord(CodeStatus.State state) {
        return switch (state) {
            case VALID -> "active";
            case TERMINATED -> "deleted";
            case NOT_YET_VALID -> "not-yet-effective";
            default -> "unverified";
        };
    }

    private ProblemException notFound(CodeSystem system, String code, String display, String detail,
                                      LoadedRelease release) {
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
        return full.forGuest(full.sections().stream()
                .map(s -> s.access().equals("guest") ? s
                        : new CodePage.Section(s.key(), s.title(), s.access(), true, UNLOCK, null))
                .toList());
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
