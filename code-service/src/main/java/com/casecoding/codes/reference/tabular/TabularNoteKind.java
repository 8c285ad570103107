package com.casecoding.codes.reference.tabular;

import java.util.Optional;

/** The note elements of CDC's ICD-10-CM Tabular List XML, with the heading the printed Tabular List gives them. */
public enum TabularNoteKind {
    INCLUDES("includes", "Includes"),
    INCLUSION_TERM("inclusionTerm", "Inclusion terms"),
    EXCLUDES1("excludes1", "Excludes1"),
    EXCLUDES2("excludes2", "Excludes2"),
    CODE_FIRST("codeFirst", "Code first"),
    USE_ADDITIONAL_CODE("useAdditionalCode", "Use additional code"),
    CODE_ALSO("codeAlso", "Code also"),
    NOTES("notes", "Notes"),
    SEVEN_CHR_NOTE("sevenChrNote", "7th character note"),
    SEVEN_CHR_DEF_NOTE("sevenChrDefNote", "7th character note"),
    INSTRUCTION("instruction", "Instruction");

    private final String element;
    private final String heading;

    TabularNoteKind(String element, String heading) {
        this.element = element;
        this.heading = heading;
    }

    /** The XML element name, also the stored {@code kind}. */
    public String element() {
        return element;
    }

    public String heading() {
        return heading;
    }

    public static Optional<TabularNoteKind> ofElement(String name) {
        for (TabularNoteKind k : values()) {
            if (k.element.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
