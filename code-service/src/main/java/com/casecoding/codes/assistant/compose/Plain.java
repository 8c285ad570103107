package com.casecoding.codes.assistant.compose;

import com.casecoding.codes.assistant.data.CodeRecord;
import com.casecoding.codes.page.Chapters;
import com.casecoding.common.codes.CodeSystem;


/** Plain-language context the data files do not spell out: what each code set is for (chapters: {@link Chapters}). */
final class Plain {

    private Plain() {
    }

    static String chapter(String code) {
        return Chapters.icd10cm(code).map(Chapters.Chapter::title).orElse(null);
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
