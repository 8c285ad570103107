package com.casecoding.codes.page.sections;

import com.casecoding.codes.page.CodePageContext;
import com.casecoding.codes.page.CodePageSection;
import com.casecoding.codes.release.CodeSystem;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Level II modifiers that apply to a CPT/HCPCS code where the loaded data says so. None of the files imported here
 * ties modifiers to codes; the section says so instead of guessing and links the modifier list. A feature with
 * code-modifier data (e.g. fee schedule rows per modifier) adds its own section.
 */
@ApplicationScoped
public class ModifiersSection implements CodePageSection {

    public record Modifiers(List<String> known, String note, String modifierPages) {
    }

    @Override
    public String key() {
        return "modifiers";
    }

    @Override
    public String title() {
        return "Modifiers";
    }

    @Override
    public int order() {
        return 700;
    }

    @Override
    public boolean appliesTo(CodeSystem system) {
        return system == CodeSystem.HCPCS || system == CodeSystem.CPT;
    }

    @Override
    public Object content(CodePageContext ctx) {
        return new Modifiers(List.of(), "No loaded file lists the modifiers that apply to this code.",
                "/api/codes/modifier/{modifier}");
    }
}
