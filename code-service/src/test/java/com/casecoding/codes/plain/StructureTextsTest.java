package com.casecoding.codes.plain;

import com.casecoding.codes.plain.structure.Readability;
import com.casecoding.codes.plain.structure.StructureTexts;
import com.casecoding.common.codes.CodeSystem;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Structure texts from tiny titles written by us in the shape of the official ones (no files of ../shared): the
 * conventions each set's structure carries, in lay words.
 */
class StructureTextsTest {

    private static String pcs(String code, String title) {
        return StructureTexts.text(CodeSystem.ICD10PCS, code, title, false, null);
    }

    private static String cm(String code, String title, boolean header, String chapter) {
        return StructureTexts.text(CodeSystem.ICD10CM, code, title, header, chapter);
    }

    private static void contains(String text, String... words) {
        for (String w : words) {
            assertTrue(text != null && text.contains(w), "'" + w + "' missing in: " + text);
        }
    }

    @Test
    void pcsRootOperationBodyPartApproachDeviceQualifier() {
        contains(pcs("0DTJ4ZZ", "Resection of Appendix, Percutaneous Endoscopic Approach"),
                "removed whole", "appendix", "small incisions with a scope");
        contains(pcs("0DBJ0ZZ", "Excision of Appendix, Open Approach"), "part of a body part", "open incision");
        contains(pcs("0SRD0J9", "Replacement of Left Knee Joint with Synthetic Substitute, Cemented, Open Approach"),
                "takes the place", "left knee joint", "man-made implant");
        contains(pcs("0DB68ZX", "Excision of Stomach, Via Natural or Artificial Opening Endoscopic, Diagnostic"),
                "scope passed through a natural opening", "biopsy");
        contains(pcs("0JH606Z", "Insertion of Pacemaker, Dual Chamber into Chest Subcutaneous Tissue and Fascia, Open Approach"),
                "helps a body part work", "a pacemaker", "chest");
        contains(pcs("0FC98ZZ", "Extirpation of Matter from Common Bile Duct, Via Natural or Artificial Opening Endoscopic"),
                "solid matter", "main bile duct");
    }

    @Test
    void pcsOtherSections() {
        contains(pcs("10E0XZZ", "Delivery of Products of Conception, External Approach"), "pregnancy", "delivery");
        contains(pcs("BW03ZZZ", "Plain Radiography of Chest"), "imaging test", "X-ray", "chest");
        contains(pcs("D0000ZZ", "Beam Radiation of Brain using Photons <1 MeV"), "radiation", "brain");
        contains(pcs("3E0234Z", "Introduction of Serum, Toxoid and Vaccine into Muscle, Percutaneous Approach"),
                "substance", "muscle", "through the skin");
        contains(pcs("GZ10ZZZ", "Psychological Tests, Developmental"), "mental health");
        assertNull(pcs("0DTJ4Z", "too short"));
    }

    @Test
    void cmLexiconChapterAndConventions() {
        contains(cm("I10", "Essential (primary) hypertension", false, "9"), "high blood pressure", "heart and blood vessels");
        contains(cm("C3490", "Malignant neoplasm of unspecified part of unspecified bronchus or lung", false, "2"),
                "cancer", "Unspecified means the record does not give more detail");
        contains(cm("N3000", "Acute cystitis without hematuria", false, "14"), "bladder infection", "Without means");
        contains(cm("E11", "Type 2 diabetes mellitus", true, "4"), "heading", "not used on a claim");
        contains(cm("S52501A", "Unspecified fracture of the lower end of right radius, initial encounter for closed fracture",
                false, "19"), "broken bone", "7th character A", "active treatment", "right side");
        contains(cm("S72001D", "Fracture of unspecified part of neck of right femur, subsequent encounter for closed "
                + "fracture with routine healing", false, "19"), "7th character D", "later visit", "healing as expected");
        String sequela = cm("S01111S", "Laceration without foreign body of right eyelid and periocular area, sequela",
                false, "19");
        contains(sequela, "cut", "late effect");
        contains(cm("T401X1A", "Poisoning by heroin, accidental (unintentional), initial encounter", false, "19"),
                "placeholder", "by accident");
        contains(cm("O1403", "Mild to moderate pre-eclampsia, third trimester", false, "15"), "28 weeks");
        contains(cm("C9001", "Multiple myeloma in remission", false, "2"), "In remission means");
        contains(cm("H2512", "Age-related nuclear cataract, left eye", false, "7"), "left side");
        contains(cm("M1990", "Other specified arthritis, bilateral", false, "13"), "both sides", "Other means");
        // "with" in a fracture's healing phrase is not a second condition
        assertFalse(cm("S72001D", "Fracture of neck of right femur, subsequent encounter for closed fracture with "
                + "routine healing", false, "19").contains("With means"));
    }

    @Test
    void hcpcsKindRouteAndBillingUnit() {
        String drug = StructureTexts.text(CodeSystem.HCPCS, "J1885", "Injection, ketorolac tromethamine, per 15 mg",
                false, null);
        contains(drug, "drug given by a provider", "eases pain", "billed per 15 mg, so 30 mg is 2 units");
        contains(StructureTexts.text(CodeSystem.HCPCS, "J9035", "Injection, bevacizumab, 10 mg", false, null),
                "cancer drug", "billed per 10 mg, so 20 mg is 2 units");
        contains(StructureTexts.text(CodeSystem.HCPCS, "J7613", "Albuterol, inhalation solution, fda-approved final "
                + "product, non-compounded, administered through dme, unit dose, 1 mg", false, null), "breathed in");
        contains(StructureTexts.text(CodeSystem.HCPCS, "E0601", "Continuous positive airway pressure (cpap) device",
                false, null), "medical equipment for use at home", "air pressure to keep the airway open");
        contains(StructureTexts.text(CodeSystem.HCPCS, "A0425", "Ground mileage, per statute mile", false, null),
                "ambulance", "per mile");
        contains(StructureTexts.text(CodeSystem.HCPCS, "S9083", "Global fee urgent care centers", false, null),
                "private insurers", "Medicare does not pay");
        contains(StructureTexts.text(CodeSystem.MODIFIER, "RT", "Right side (used to identify procedures performed on "
                + "the right side of the body)", false, null), "modifier", "right side");
        assertNull(StructureTexts.text(CodeSystem.CPT, "27447", "", false, null));
    }

    @Test
    void textsAreEasyToRead() {
        String pcs = pcs("0DTJ4ZZ", "Resection of Appendix, Percutaneous Endoscopic Approach");
        String cm = cm("I10", "Essential (primary) hypertension", false, "9");
        assertTrue(Readability.grade(pcs) <= 9, pcs);
        assertTrue(Readability.grade(cm) <= 9, cm);
        // the formula itself: short words in short sentences grade low, long words in one long sentence high
        assertTrue(Readability.grade("The cat sat. The dog ran.") < 2);
        assertTrue(Readability.grade("Comprehensive multidisciplinary interdisciplinary rehabilitation "
                + "considerations necessitate extraordinarily sophisticated administrative organization") > 15);
    }
}
