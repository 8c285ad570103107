package com.casecoding.codes.assistant.data;

import java.time.LocalDate;
import java.util.List;

/**
 * Risk adjustment (CMS-HCC), inpatient severity (MS-DRG CC/MCC), MS-DRGs and Excludes1 notes, as one sentence each
 * with the releases it comes from. Codes are passed as typed; every code a sentence names exists in the loaded data.
 */
public interface ReferenceFacts {

    record Fact(boolean answered, String sentence, List<ReleaseRef> sources) {
    }

    /** The code's HCCs per loaded model ({@code model} V24/V28, or null for every loaded one). */
    Fact hcc(String code, String model);

    /** Whether the code is a CC or an MCC (MS-DRG). */
    Fact severity(String code);

    /** The HCC a condition in words falls in. */
    Fact hccForCondition(String words, String model);

    /** What an MS-DRG is. */
    Fact drg(String number);

    /** Whether an Excludes1 note forbids the diagnoses together on the date. */
    Fact excludes1(List<String> codes, LocalDate date);

    /** No reference data connected (tests without it). */
    ReferenceFacts NONE = new ReferenceFacts() {
        private Fact none() {
            return new Fact(false, "The risk adjustment, MS-DRG and Tabular List tables are not loaded.", List.of());
        }

        @Override
        public Fact hcc(String code, String model) {
            return none();
        }

        @Override
        public Fact severity(String code) {
            return none();
        }

        @Override
        public Fact hccForCondition(String words, String model) {
            return none();
        }

        @Override
        public Fact drg(String number) {
            return none();
        }

        @Override
        public Fact excludes1(List<String> codes, LocalDate date) {
            return none();
        }
    };
}
