package com.casecoding.codes.assistant.compose;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * ICD-10-PCS titles are written in the system's own terms: the root operation, the body part, the approach. A coder
 * asks in surgical words ("laparoscopic appendectomy"); this turns the common ones into PCS terms ("percutaneous
 * endoscopic resection appendix") for a second search in ICD-10-PCS only.
 */
final class PcsWords {

    private static final Map<String, String> TERMS = new LinkedHashMap<>();

    static {
        TERMS.put("laparoscopic", "percutaneous endoscopic");
        TERMS.put("laparoscopy", "percutaneous endoscopic inspection");
        TERMS.put("arthroscopic", "percutaneous endoscopic");
        TERMS.put("endoscopic", "via natural or artificial opening endoscopic");
        TERMS.put("appendectomy", "resection appendix");
        TERMS.put("cholecystectomy", "resection gallbladder");
        TERMS.put("colectomy", "resection colon");
        TERMS.put("hysterectomy", "resection uterus");
        TERMS.put("nephrectomy", "resection kidney");
        TERMS.put("splenectomy", "resection spleen");
        TERMS.put("tonsillectomy", "resection tonsils");
        TERMS.put("mastectomy", "resection breast");
        TERMS.put("thyroidectomy", "resection thyroid gland");
        TERMS.put("prostatectomy", "resection prostate");
        TERMS.put("amputation", "detachment");
        TERMS.put("biopsy", "excision diagnostic");
        TERMS.put("repair", "repair");
        TERMS.put("replacement", "replacement");
    }

    private PcsWords() {
    }

    static String of(String words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words.toLowerCase(Locale.ROOT).split("\\s+")) {
            sb.append(sb.length() == 0 ? "" : " ").append(TERMS.getOrDefault(w, w));
        }
        return sb.toString();
    }
}
