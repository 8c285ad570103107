package com.casecoding.codes.reference;

import java.util.Optional;

/**
 * The {@code code_release.dataset} names of the reference data: one dataset per CMS-HCC model version (so V24 and
 * V28 each have a current payment year), the MS-DRG definitions, the Place of Service list, the ICD-10-CM Tabular
 * List and the four ICD-10-CM index files.
 */
public final class ReferenceDatasets {

    /** {@code cms-hcc-v24}: add the model's number. */
    public static final String HCC_PREFIX = "cms-hcc-v";
    public static final String MSDRG = "msdrg";
    public static final String POS = "pos";
    public static final String TABULAR = "icd10cm-tabular";
    public static final String INDEX = "icd10cm-index";
    public static final String EINDEX = "icd10cm-eindex";
    public static final String NEOPLASM = "icd10cm-neoplasm";
    public static final String DRUG = "icd10cm-drug";

    private ReferenceDatasets() {
    }

    public static String hcc(int modelVersion) {
        return HCC_PREFIX + modelVersion;
    }

    /** The model label ({@code V24}) of an HCC dataset, empty for any other dataset. */
    public static Optional<String> hccModel(String dataset) {
        if (dataset == null || !dataset.startsWith(HCC_PREFIX) || dataset.length() == HCC_PREFIX.length()) {
            return Optional.empty();
        }
        String number = dataset.substring(HCC_PREFIX.length());
        return number.chars().allMatch(Character::isDigit) ? Optional.of("V" + number) : Optional.empty();
    }

    public static boolean isIndex(String dataset) {
        return INDEX.equals(dataset) || EINDEX.equals(dataset) || NEOPLASM.equals(dataset) || DRUG.equals(dataset);
    }

}
