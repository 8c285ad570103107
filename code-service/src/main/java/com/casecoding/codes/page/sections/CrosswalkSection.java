package com.casecoding.codes.page.sections;

import com.casecoding.codes.page.CodePageContext;
import com.casecoding.codes.page.CodePageSection;
import com.casecoding.codes.page.CodeRepository;
import com.casecoding.codes.release.ReleaseCatalog;
import com.casecoding.common.codes.CodeSystem;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** ICD-9-CM <-> ICD-10 by the CMS General Equivalence Mappings, each flag explained in words. */
@ApplicationScoped
public class CrosswalkSection implements CodePageSection {

    @Inject
    CodeRepository repository;

    @Inject
    ReleaseCatalog releases;

    public record Flags(boolean approximate, boolean noMap, boolean combination, int scenario, int choiceList) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Mapping(String system, String code, String title, String href, Flags flags, String meaning) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Crosswalk(String gemVersion, List<Mapping> forward, List<Mapping> backward, String forwardLabel,
                            String backwardLabel, String note) {
    }

    @Override
    public String key() {
        return "crosswalk";
    }

    @Override
    public String title() {
        return "ICD-9 / ICD-10 crosswalk (GEMs)";
    }

    @Override
    public int order() {
        return 800;
    }

    @Override
    public boolean appliesTo(CodeSystem system) {
        return system == CodeSystem.ICD10CM || system == CodeSystem.ICD10PCS || system == CodeSystem.ICD9CM
                || system == CodeSystem.ICD9PCS;
    }

    @Override
    public Object content(CodePageContext ctx) {
        List<CodeRepository.Mapping> forward = repository.mappings(ctx.system(), ctx.code(), true);
        List<CodeRepository.Mapping> backward = repository.mappings(ctx.system(), ctx.code(), false);
        String other = switch (ctx.system()) {
            case ICD10CM -> "ICD-9-CM";
            case ICD10PCS -> "ICD-9-CM procedures";
            case ICD9CM -> "ICD-10-CM";
            default -> "ICD-10-PCS";
        };
        String version = forward.isEmpty() ? (backward.isEmpty() ? null : backward.get(0).version())
                : forward.get(0).version();
        String note = version == null ? "No GEM mapping is loaded for this code." : "CMS General Equivalence "
                + "Mappings " + version + " (the last GEM release). 'forward' maps this code to " + other
                + " ; 'backward' lists the " + other + " codes that map to it.";
        return new Crosswalk(version, describe(forward), describe(backward), "This code to " + other,
                other + " codes mapping to this code", note);
    }

    private List<Mapping> describe(List<CodeRepository.Mapping> rows) {
        Map<String, Set<String>> bySystem = rows.stream().filter(r -> r.targetCode() != null).collect(
                Collectors.groupingBy(CodeRepository.Mapping::targetSystem,
                        Collectors.mapping(CodeRepository.Mapping::targetCode, Collectors.toSet())));
        Map<String, String> titles = new HashMap<>();
        bySystem.forEach((systemId, codes) -> CodeSystem.fromId(systemId).ifPresent(system -> {
            var loaded = releases.releases(system.id());
            if (!loaded.isEmpty()) {
                repository.titles(loaded.get(loaded.size() - 1).id(), system, codes)
                        .forEach((code, t) -> titles.put(systemId + "|" + code, t.title()));
            }
        }));
        List<Mapping> out = new ArrayList<>();
        for (CodeRepository.Mapping r : rows) {
            Flags flags = new Flags(r.approximate(), r.noMap(), r.combination(), r.scenario(), r.choiceList());
            CodeSystem target = CodeSystem.fromId(r.targetSystem()).orElse(null);
            String display = r.targetCode() == null || target == null ? null
                    : target.display(r.targetCode());
            out.add(new Mapping(r.targetSystem(), display, r.targetCode() == null ? null
                    : titles.get(r.targetSystem() + "|" + r.targetCode()),
                    r.targetCode() == null ? null : "/api/codes/" + r.targetSystem() + "/" + r.targetCode(),
                    flags, meaning(flags)));
        }
        return out;
    }

    /** The five GEM flags in words. */
    static String meaning(Flags f) {
        if (f.noMap()) {
            return "No map: there is no corresponding code in the other code set.";
        }
        StringBuilder b = new StringBuilder(f.approximate()
                ? "Approximate: the two codes do not mean exactly the same thing."
                : "Identical: the two codes mean the same thing.");
        if (f.combination()) {
            b.append(" Combination: this code corresponds to several codes used together. Scenario ")
                    .append(f.scenario()).append(" is one way to code it; pick one code from choice list ")
                    .append(f.choiceList()).append(" and one from each other choice list of the same scenario.");
        }
        return b.toString();
    }
}
