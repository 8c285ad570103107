package com.casecoding.codes.plain.structure;

import com.casecoding.common.codes.CodeSystem;

/** The generated text of a code, from its structure, for the sets whose structure carries the meaning. */
public final class StructureTexts {

    /** Bumped when the lexicon or templates change in a way a reader would notice. */
    public static final int TEMPLATE_VERSION = 1;

    private StructureTexts() {
    }

    /**
     * @param chapter the ICD-10-CM chapter number, or null
     * @return the text, or null when the structure of this set (CPT) or code says nothing
     */
    public static String text(CodeSystem system, String code, String title, boolean header, String chapter) {
        return switch (system) {
            case ICD10CM -> CmTexts.text(code, title, header, chapter);
            case ICD10PCS -> PcsTexts.text(code, title);
            case HCPCS -> HcpcsTexts.text(code, title);
            case MODIFIER -> code.length() == 2 && Character.isLetter(code.charAt(0)) ? HcpcsTexts.modifier(code, title) : null;
            default -> null;
        };
    }
}
