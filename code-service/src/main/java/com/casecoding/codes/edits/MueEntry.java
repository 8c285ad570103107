package com.casecoding.codes.edits;

/**
 * A Medically Unlikely Edit: the most units of service of a code payable for one beneficiary per line (adjudication
 * indicator 1) or per date of service (2 policy, 3 clinical) in one setting.
 */
public record MueEntry(String code, CareSetting setting, int value, int adjudicationIndicator, String rationale,
                       EditRelease release) {

    /** Plain-language meaning of the adjudication indicator. */
    public String adjudicationExplained() {
        return Explanations.mai(adjudicationIndicator);
    }

    /** True when the units of every line of the code on the date of service are added up before comparing. */
    public boolean perDateOfService() {
        return adjudicationIndicator != 1;
    }
}
