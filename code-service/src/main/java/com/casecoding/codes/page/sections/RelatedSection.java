package com.casecoding.codes.page.sections;

import com.casecoding.codes.page.CodePageContext;
import com.casecoding.codes.page.CodePageSection;
import com.casecoding.codes.page.CodeRepository;
import com.casecoding.common.codes.CodeSystem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Related codes the imported files name: HCPCS cross-reference codes. Add-on relationships (an add-on code and its
 * primary codes) come from the NCCI add-on edits and are contributed by that feature's own section.
 */
@ApplicationScoped
public class RelatedSection implements CodePageSection {

    @Inject
    CodeRepository repository;

    public record Related(String relation, List<HierarchySection.Node> codes) {
    }

    @Override
    public String key() {
        return "related";
    }

    @Override
    public String title() {
        return "Related codes";
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public boolean appliesTo(CodeSystem system) {
        return system == CodeSystem.HCPCS;
    }

    @Override
    public Object content(CodePageContext ctx) {
        Object refs = ctx.entry().attrs().get("crossReferences");
        if (!(refs instanceof List<?> list) || list.isEmpty()) {
            return null;
        }
        List<String> codes = list.stream().map(Object::toString).toList();
        var titles = repository.titles(ctx.release().id(), CodeSystem.HCPCS, codes);
        return new Related("CMS cross-reference codes", codes.stream()
                .map(c -> HierarchySection.node(CodeSystem.HCPCS, c,
                        titles.containsKey(c) ? titles.get(c).title() : null, true)).toList());
    }
}
