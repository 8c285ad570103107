package com.casecoding.codes.assistant.compose;

import com.casecoding.codes.assistant.data.CodeRecord;
import com.casecoding.codes.release.CodeSystem;

import java.util.List;

/** Plain-language context the data files do not spell out: ICD-10-CM chapters and what each code set is for. */
final class Plain {

    private record Chapter(String from, String to, String name) {
    }

    private static final List<Chapter> ICD10CM_CHAPTERS = List.of(
            new Chapter("A00", "B99", "Certain infectious and parasitic diseases"),
            new Chapter("C00", "D49", "Neoplasms"),
            new Chapter("D50", "D89", "Diseases of the blood and blood-forming organs and certain disorders involving the immune mechanism"),
            new Chapter("E00", "E89", "Endocrine, nutritional and metabolic diseases"),
            new Chapter("F01", "F99", "Mental, behavioral and neurodevelopmental disorders"),
            new Chapter("G00", "G99", "Diseases of the nervous system"),
            new Chapter("H00", "H59", "Diseases of the eye and adnexa"),
            new Chapter("H60", "H95", "Diseases of the ear and mastoid process"),
            new Chapter("I00", "I99", "Diseases of the circulatory system"),
            new Chapter("J00", "J99", "Diseases of the respiratory system"),
            new Chapter("K00", "K95", "Diseases of the digestive system"),
            new Chapter("L00", "L99", "Diseases of the skin and subcutaneous tissue"),
            new Chapter("M00", "M99", "Diseases of the musculoskeletal system and connective tissue"),
            new Chapter("N00", "N99", "Diseases of the genitourinary system"),
            new Chapter("O00", "O9A", "Pregnancy, childbirth and the puerperium"),
            new Chapter("P00", "P96", "Certain conditions originating in the perinatal period"),
            new Chapter("Q00", "Q99", "Congenital malformations, deformations and chromosomal abnormalities"),
            new Chapter("R00", "R99", "Symptoms, signs and abnormal clinical and laboratory findings, not elsewhere classified"),
            new Chapter("S00", "T88", "Injury, poisoning and certain other consequences of external causes"),
            new Chapter("U00", "U85", "Codes for special purposes"),
            new Chapter("V00", "Y99", "External causes of morbidity"),
            new Chapter("Z00", "Z99", "Factors influencing health status and contact with health services"));

    private Plain() {
    }

    static String chapter(String code) {
        if (code.length() < 3) {
            return null;
        }
        String cat = code.substring(0, 3);
        for (Chapter c : ICD10CM_CHAPTERS) {
            if (cat.compareTo(c.from) >= 0 && cat.compareTo(c.to) <= 0) {
                return c.name;
            }
        }
        return null;
    }

    static String whatKind(CodeRecord r) {
        return switch (r.system()) {
            case ICD10CM -> {
                String ch = chapter(r.code());
                yield "an ICD-10-CM **diagnosis** code" + (ch == null ? "" : " in the chapter *" + ch + "*");
            }
            case ICD10PCS -> "an ICD-10-PCS **inpatient procedure** code (7 characters, one axis each)";
            case HCPCS -> "a HCPCS Level II code (supplies, drugs, devices and services not in CPT)";
            case CPT -> "a CPT (HCPCS Level I) **procedure or service** code";
            case ICD9CM -> "a legacy ICD-9-CM diagnosis code (frozen since 2014; claims since 2015-10-01 use ICD-10-CM)";
            case ICD9PCS -> "a legacy ICD-9-CM procedure code (volume 3, frozen since 2014)";
            case MODIFIER -> "a HCPCS Level II modifier";
        };
    }

    static boolean isCpt(CodeRecord r) {
        return r.system() == CodeSystem.CPT;
    }
}
