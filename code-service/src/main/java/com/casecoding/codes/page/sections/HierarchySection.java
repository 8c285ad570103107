package com.casecoding.codes.page.sections;

import com.casecoding.codes.page.Chapters;
import com.casecoding.codes.page.CodePageContext;
import com.casecoding.codes.page.CodePageSection;
import com.casecoding.codes.page.CodeRepository;
import com.casecoding.common.codes.CodeSystem;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the code sits: chapter and, for ICD-10-CM, block (our tables from the CDC Tabular List), parents up to the
 * category (from the release itself), children and siblings. ICD-10-PCS codes files have no table headers, so a PCS
 * table's title comes from the newest loaded release that names it (the FY2021 order file); the table itself links to
 * the browse tree (a table is not a code page). CPT/HCPCS have no official
 * hierarchy: their "siblings" are the codes sharing the first three characters.
 */
@ApplicationScoped
public class HierarchySection implements CodePageSection {

    private static final int CHILDREN = 200;
    private static final int SIBLINGS = 50;

    @Inject
    CodeRepository repository;

    public record Node(String code, String title, boolean billable, String href) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hierarchy(Chapters.Chapter chapter, Chapters.Block block, String note, List<Node> ancestors,
                            List<Node> children, long childCount, String siblingsAre, List<Node> siblings,
                            long siblingCount) {
    }

    @Override
    public String key() {
        return "hierarchy";
    }

    @Override
    public String title() {
        return "Hierarchy";
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public boolean appliesTo(CodeSystem system) {
        return system != CodeSystem.MODIFIER;
    }

    @Override
    public Object content(CodePageContext ctx) {
        CodeSystem system = ctx.system();
        long release = ctx.release().id();
        String code = ctx.code();
        Chapters.Chapter chapter = switch (system) {
            case ICD10CM -> Chapters.icd10cm(code).orElse(null);
            case ICD10PCS -> Chapters.icd10pcs(code).orElse(null);
            default -> null;
        };
        Chapters.Block block = system == CodeSystem.ICD10CM ? Chapters.icd10cmBlock(code).orElse(null) : null;
        String note = null;

        List<Node> ancestors = new ArrayList<>();
        String siblingsAre = "codes with the same parent";
        if (system == CodeSystem.ICD10PCS) {
            String table = code.substring(0, Math.min(3, code.length()));
            if (!table.equals(code)) {
                // codes files list no table titles: the newest release that names the table (an order file) does
                List<CodeRepository.Found> rows = repository.find(system, table);
                if (!rows.isEmpty()) {
                    String title = rows.stream().map(f -> f.entry().longTitle()).filter(t -> t != null)
                            .findFirst().orElse(null);
                    ancestors.add(new Node(table, title, false, "/api/browse/" + system.id() + "/" + table));
                }
                note = "ICD-10-PCS table " + table + ": section, body system and root operation.";
            }
            siblingsAre = "codes in the same table";
        } else if (system == CodeSystem.HCPCS || system == CodeSystem.CPT) {
            siblingsAre = "codes sharing the first three characters (" + code.substring(0, 3) + "xx)";
        } else {
            List<String> prefixes = new ArrayList<>();
            for (int len = system == CodeSystem.ICD9PCS ? 2 : 3; len < code.length(); len++) {
                prefixes.add(code.substring(0, len));
            }
            Map<String, CodeRepository.CodeTitle> found = repository.titles(release, system, prefixes);
            for (String prefix : prefixes) {
                CodeRepository.CodeTitle t = found.get(prefix);
                if (t != null) {
                    ancestors.add(node(system, t.code(), t.title(), !t.header()));
                }
            }
        }
        List<Node> children = repository.children(release, system, code, CHILDREN).stream()
                .map(t -> node(system, t.code(), t.title(), !t.header())).toList();
        long childCount = children.size() < CHILDREN ? children.size()
                : repository.countChildren(release, system, code);
        List<Node> siblings = List.of();
        long siblingCount = 0;
        String parent = ctx.entry().parentCode();
        if (parent != null) {
            siblings = repository.children(release, system, parent, SIBLINGS + 1).stream()
                    .filter(t -> !t.code().equals(code)).limit(SIBLINGS)
                    .map(t -> node(system, t.code(), t.title(), !t.header())).toList();
            siblingCount = siblings.size() < SIBLINGS ? siblings.size()
                    : repository.countChildren(release, system, parent) - 1;
        }
        return new Hierarchy(chapter, block, note, ancestors, children, childCount, siblingsAre, siblings,
                siblingCount);
    }

    static Node node(CodeSystem system, String code, String title, boolean billable) {
        return new Node(system.display(code), title, billable, "/api/codes/" + system.id() + "/" + code);
    }
}
