package com.casecoding.codes.page;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import com.casecoding.codes.search.BrowseTree;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Our own table of the top of the hierarchies, which the order files do not carry: the 22 ICD-10-CM chapters (code
 * ranges and titles as published by CDC in the Tabular List, public domain) and the 17 ICD-10-PCS sections (first
 * character). ICD-10-CM blocks (sub-chapter ranges, also from the Tabular List) come from the browse table
 * {@link BrowseTree#GROUPS_RESOURCE} that search's browsing uses, so the page and the browse tree always agree.
 */
public final class Chapters {

    public record Chapter(String number, @JsonIgnore String first, @JsonIgnore String last, String title) {
        @JsonProperty("range")
        public String range() {
            return first + "-" + last;
        }
    }

    public static final List<Chapter> ICD10CM = List.of(
            new Chapter("1", "A00", "B99", "Certain infectious and parasitic diseases"),
            new Chapter("2", "C00", "D49", "Neoplasms"),
            new Chapter("3", "D50", "D89", "Diseases of the blood and blood-forming organs and certain disorders "
                    + "involving the immune mechanism"),
            new Chapter("4", "E00", "E89", "Endocrine, nutritional and metabolic diseases"),
            new Chapter("5", "F01", "F99", "Mental, behavioral and neurodevelopmental disorders"),
            new Chapter("6", "G00", "G99", "Diseases of the nervous system"),
            new Chapter("7", "H00", "H59", "Diseases of the eye and adnexa"),
            new Chapter("8", "H60", "H95", "Diseases of the ear and mastoid process"),
            new Chapter("9", "I00", "I99", "Diseases of the circulatory system"),
            new Chapter("10", "J00", "J99", "Diseases of the respiratory system"),
            new Chapter("11", "K00", "K95", "Diseases of the digestive system"),
            new Chapter("12", "L00", "L99", "Diseases of the skin and subcutaneous tissue"),
            new Chapter("13", "M00", "M99", "Diseases of the musculoskeletal system and connective tissue"),
            new Chapter("14", "N00", "N99", "Diseases of the genitourinary system"),
            new Chapter("15", "O00", "O9A", "Pregnancy, childbirth and the puerperium"),
            new Chapter("16", "P00", "P96", "Certain conditions originating in the perinatal period"),
            new Chapter("17", "Q00", "Q99", "Congenital malformations, deformations and chromosomal abnormalities"),
            new Chapter("18", "R00", "R99", "Symptoms, signs and abnormal clinical and laboratory findings, not "
                    + "elsewhere classified"),
            new Chapter("19", "S00", "T88", "Injury, poisoning and certain other consequences of external causes"),
            new Chapter("20", "V00", "Y99", "External causes of morbidity"),
            new Chapter("21", "Z00", "Z99", "Factors influencing health status and contact with health services"),
            new Chapter("22", "U00", "U85", "Codes for special purposes"));

    public static final List<Chapter> ICD10PCS_SECTIONS = List.of(
            new Chapter("0", "0", "0", "Medical and Surgical"),
            new Chapter("1", "1", "1", "Obstetrics"),
            new Chapter("2", "2", "2", "Placement"),
            new Chapter("3", "3", "3", "Administration"),
            new Chapter("4", "4", "4", "Measurement and Monitoring"),
            new Chapter("5", "5", "5", "Extracorporeal or Systemic Assistance and Performance"),
            new Chapter("6", "6", "6", "Extracorporeal or Systemic Therapies"),
            new Chapter("7", "7", "7", "Osteopathic"),
            new Chapter("8", "8", "8", "Other Procedures"),
            new Chapter("9", "9", "9", "Chiropractic"),
            new Chapter("B", "B", "B", "Imaging"),
            new Chapter("C", "C", "C", "Nuclear Medicine"),
            new Chapter("D", "D", "D", "Radiation Therapy"),
            new Chapter("F", "F", "F", "Physical Rehabilitation and Diagnostic Audiology"),
            new Chapter("G", "G", "G", "Mental Health"),
            new Chapter("H", "H", "H", "Substance Abuse Treatment"),
            new Chapter("X", "X", "X", "New Technology"));

    /** An ICD-10-CM block: a named range of categories inside a chapter ("E08-E13 Diabetes mellitus"). */
    public record Block(@JsonIgnore String first, @JsonIgnore String last, String title) {
        @JsonProperty("range")
        public String range() {
            return first.equals(last) ? first : first + "-" + last;
        }

        boolean holds(String category) {
            return category.compareTo(first) >= 0 && category.compareTo(last) <= 0;
        }
    }

    private static final List<Block> ICD10CM_BLOCKS = BrowseTree.loadGroups().stream()
            .filter(g -> g[0].equals("icd10cm") && g[3].equals("block"))
            .map(g -> new Block(g[1], g[2], g[4])).toList();

    private Chapters() {
    }

    /** The innermost ICD-10-CM block holding a code's category, if our table has one. */
    public static Optional<Block> icd10cmBlock(String code) {
        return category(code).flatMap(category -> ICD10CM_BLOCKS.stream().filter(b -> b.holds(category))
                .max(Comparator.comparing(Block::first).thenComparing(Block::last, Comparator.reverseOrder())));
    }

    /** The 3-character ICD-10-CM category of a code, if it is that long. */
    private static Optional<String> category(String code) {
        return code.length() < 3 ? Optional.empty() : Optional.of(code.substring(0, 3));
    }

    /** The ICD-10-CM chapter of a code (by its 3-character category). */
    public static Optional<Chapter> icd10cm(String code) {
        return category(code).flatMap(category -> ICD10CM.stream()
                .filter(c -> category.compareTo(c.first()) >= 0 && category.compareTo(c.last()) <= 0).findFirst());
    }

    public static Optional<Chapter> icd10pcs(String code) {
        String first = code.substring(0, 1);
        return ICD10PCS_SECTIONS.stream().filter(c -> c.first().equals(first)).findFirst();
    }
}
