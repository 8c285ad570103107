package com.casecoding.codes.plain.structure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Our own lexicon of medical words and their lay meaning, and the one place that rewrites an official title into
 * lay words. Longer terms are tried first ("malignant neoplasm" before "neoplasm"); a word that is not in the lexicon
 * stays as it is.
 * <p>
 * Every code's title goes through here when the search index is built (over 200,000 on the real data), so a title is
 * matched only against the terms whose first word it contains (found with one split of the title), not against the
 * whole lexicon: the same terms in the same order as trying all of them, since a term can match only where its first
 * word stands as a word of the title.
 */
public final class LayWords {

    /** {@code order}: the term's place in the longest-first order all matching follows. */
    private record Term(int order, Pattern pattern, String lay) {
    }

    /** What separates words in the terms' patterns: anything but a word character or a hyphen. */
    private static final Pattern WORD_BREAK = Pattern.compile("[^\\w-]+");

    /** The terms by their first word (lower case); terms without a word are in {@link #anyTitle}. */
    private final Map<String, List<Term>> byFirstWord = new HashMap<>();
    private final List<Term> anyTitle = new ArrayList<>();

    private LayWords(Map<String, String> lexicon) {
        List<Map.Entry<String, String>> entries = new ArrayList<>(lexicon.entrySet());
        entries.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        int order = 0;
        for (Map.Entry<String, String> e : entries) {
            Term term = new Term(order++, Pattern.compile("(?<![\\w-])" + Pattern.quote(e.getKey()) + "(?![\\w-])",
                    Pattern.CASE_INSENSITIVE), e.getValue());
            String first = firstWord(e.getKey());
            if (first == null) {
                anyTitle.add(term);
            } else {
                byFirstWord.computeIfAbsent(first, k -> new ArrayList<>()).add(term);
            }
        }
    }

    private static String firstWord(String text) {
        for (String word : WORD_BREAK.split(text.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty()) {
                return word;
            }
        }
        return null;
    }

    /** The terms that can match in {@code text}, longest first. */
    private List<Term> candidates(String text) {
        List<Term> out = new ArrayList<>(anyTitle);
        Set<String> seen = new HashSet<>();
        for (String word : WORD_BREAK.split(text.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty() && seen.add(word)) {
                List<Term> terms = byFirstWord.get(word);
                if (terms != null) {
                    out.addAll(terms);
                }
            }
        }
        out.sort(Comparator.comparingInt(Term::order));
        return out;
    }

    /** Rewrites the medical words of a title into lay words. */
    public String lay(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String out = text;
        // one pass per term over text that no earlier term produced: mark replacements with \u0001..\u0002
        for (Term t : candidates(text)) {
            Matcher m = t.pattern.matcher(out);
            if (!m.find()) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            int last = 0;
            m.reset();
            while (m.find()) {
                if (insideReplacement(out, m.start())) {
                    continue;
                }
                sb.append(out, last, m.start()).append('\u0001').append(t.lay).append('\u0002');
                last = m.end();
            }
            sb.append(out.substring(last));
            out = sb.toString();
        }
        return out.replace("\u0001", "").replace("\u0002", "").replaceAll("\\s+", " ").strip();
    }

    private static boolean insideReplacement(String s, int at) {
        int open = s.lastIndexOf('\u0001', at);
        int close = s.lastIndexOf('\u0002', at);
        return open > close;
    }

    /** Lower-cases the first letter unless the first word is an abbreviation (HIV, COVID-19). */
    public static String lowerFirst(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int end = s.indexOf(' ');
        String first = end < 0 ? s : s.substring(0, end);
        if (first.length() > 1 && first.equals(first.toUpperCase(Locale.ROOT)) && first.chars().anyMatch(Character::isLetter)) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    public static String upperFirst(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Map<String, String> pairs(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Diagnoses (ICD-10-CM, and diagnosis words inside other titles). */
    public static final LayWords DIAGNOSES = new LayWords(pairs(
            "malignant neoplasm", "cancer (malignant tumor)",
            "benign neoplasm", "growth that is not cancer (benign tumor)",
            "neoplasm of uncertain behavior", "growth whose nature is not yet known",
            "neoplasm of unspecified behavior", "growth of unknown kind",
            "carcinoma in situ", "early cancer that has not spread (in situ)",
            "secondary malignant neoplasm", "cancer that has spread here from elsewhere",
            "neoplasm", "growth or tumor",
            "malignant", "cancerous",
            "melanocytic nevi", "moles",
            "leiomyoma", "fibroid (a growth that is not cancer)",
            "sleep apnea", "sleep apnea (breathing stops and starts during sleep)",
            "impacted cerumen", "earwax blocking the ear canal",
            "pressure ulcer", "pressure sore (bedsore)",
            "benign prostatic hyperplasia", "enlarged prostate (not cancer)",
            "hyperemesis gravidarum", "severe nausea and throwing up in pregnancy",
            "neonatal", "newborn",
            "jaundice", "yellow skin (jaundice)",
            "preterm", "born early (preterm)",
            "ventricular septal defect", "hole in the wall between the heart's lower chambers",
            "cleft palate", "split in the roof of the mouth (cleft palate)",
            "carcinoma", "cancer",
            "melanoma", "skin cancer (melanoma)",
            "lymphoma", "cancer of the lymph system (lymphoma)",
            "leukemia", "blood cancer (leukemia)",
            "sarcoma", "cancer of soft tissue or bone (sarcoma)",
            "metastatic", "spread",
            "diabetes mellitus", "diabetes (high blood sugar)",
            "hyperglycemia", "high blood sugar",
            "hypoglycemia", "low blood sugar",
            "essential (primary) hypertension", "high blood pressure with no other cause",
            "hypertensive", "high blood pressure",
            "hypertension", "high blood pressure",
            "hypotension", "low blood pressure",
            "hyperlipidemia", "high blood fats (cholesterol)",
            "hypercholesterolemia", "high cholesterol",
            "hypothyroidism", "underactive thyroid",
            "hyperthyroidism", "overactive thyroid",
            "obesity", "obesity (too much body fat)",
            "myocardial infarction", "heart attack",
            "cerebral infarction", "stroke",
            "infarction", "tissue death from lost blood flow",
            "atrial fibrillation", "irregular fast heartbeat (atrial fibrillation)",
            "tachycardia", "fast heartbeat",
            "bradycardia", "slow heartbeat",
            "arrhythmia", "irregular heartbeat",
            "heart failure", "heart failure (the heart does not pump well enough)",
            "angina pectoris", "chest pain from the heart",
            "atherosclerosis", "hardening of the arteries",
            "thrombosis", "blood clot",
            "embolism", "blocked blood vessel from a clot",
            "aneurysm", "bulge in a blood vessel",
            "cerebrovascular", "brain blood vessel",
            "cystitis", "bladder infection",
            "nephritis", "kidney inflammation",
            "chronic kidney disease", "long-term kidney disease",
            "renal", "kidney",
            "hepatic", "liver",
            "hepatitis", "liver inflammation",
            "cirrhosis", "scarring of the liver",
            "gastritis", "stomach inflammation",
            "gastroenteritis", "stomach flu",
            "gastro-esophageal reflux disease", "acid reflux",
            "esophagitis", "irritated food pipe",
            "colitis", "colon inflammation",
            "diverticulitis", "infected pouches in the colon",
            "appendicitis", "inflamed appendix",
            "cholecystitis", "gallbladder inflammation",
            "cholelithiasis", "gallstones",
            "calculus", "stone",
            "pancreatitis", "pancreas inflammation",
            "pneumonia", "lung infection (pneumonia)",
            "bronchitis", "inflamed airways (bronchitis)",
            "chronic obstructive pulmonary disease", "long-term lung disease (COPD)",
            "asthma", "asthma (narrowed airways)",
            "pulmonary", "lung",
            "respiratory", "breathing",
            "dyspnea", "shortness of breath",
            "pharyngitis", "sore throat",
            "tonsillitis", "infected tonsils",
            "sinusitis", "sinus infection",
            "otitis media", "middle ear infection",
            "otitis externa", "outer ear infection",
            "conjunctivitis", "pink eye",
            "cataract", "cataract (clouded lens of the eye)",
            "glaucoma", "glaucoma (high pressure in the eye)",
            "dermatitis", "skin inflammation (rash)",
            "cellulitis", "skin infection",
            "abscess", "pocket of pus",
            "ulcer", "sore",
            "laceration", "cut",
            "contusion", "bruise",
            "abrasion", "scrape",
            "fracture", "broken bone",
            "dislocation", "joint out of place",
            "sprain", "sprain (stretched or torn ligament)",
            "strain", "strain (pulled muscle or tendon)",
            "arthritis", "joint inflammation (arthritis)",
            "osteoarthritis", "wear-and-tear arthritis",
            "rheumatoid", "immune system (rheumatoid)",
            "osteoporosis", "thin, weak bones",
            "arthropathy", "joint disease",
            "myalgia", "muscle pain",
            "dorsalgia", "back pain",
            "cervicalgia", "neck pain",
            "radiculopathy", "pinched nerve pain",
            "neuropathy", "nerve damage",
            "polyneuropathy", "nerve damage",
            "migraine", "migraine headache",
            "cephalgia", "headache",
            "epilepsy", "seizure disorder (epilepsy)",
            "convulsions", "seizures",
            "syncope", "fainting",
            "vertigo", "spinning dizziness",
            "dementia", "memory loss (dementia)",
            "major depressive disorder", "depression",
            "anxiety disorder", "anxiety",
            "schizophrenia", "schizophrenia (a serious mental illness)",
            "bipolar disorder", "bipolar disorder (mood swings)",
            "dependence", "addiction",
            "abuse", "harmful use",
            "opioid", "opioid (strong pain drug)",
            "anemia", "low red blood cells (anemia)",
            "thrombocytopenia", "low platelets",
            "coagulation", "clotting",
            "hemorrhage", "bleeding",
            "edema", "swelling",
            "pyrexia", "fever",
            "nausea", "feeling sick",
            "emesis", "throwing up",
            "vomiting", "throwing up",
            "diarrhea", "loose stools",
            "constipation", "hard or rare stools",
            "dysuria", "painful peeing",
            "hematuria", "blood in the urine",
            "urinary tract infection", "urine infection",
            "urinary", "urine",
            "incontinence", "leaking",
            "prostate", "prostate gland",
            "hyperplasia", "enlargement",
            "infertility", "trouble getting pregnant",
            "gestation", "pregnancy",
            "puerperium", "the weeks after birth",
            "postpartum", "after giving birth",
            "antepartum", "before birth",
            "pre-eclampsia", "high blood pressure in pregnancy with organ strain",
            "eclampsia", "seizures in pregnancy",
            "newborn", "newborn baby",
            "perinatal", "around the time of birth",
            "congenital", "present from birth",
            "malformation", "defect",
            "sepsis", "sepsis (body-wide reaction to infection)",
            "septicemia", "blood infection",
            "bacterial", "germ (bacteria)",
            "viral", "virus",
            "infectious", "catching",
            "tuberculosis", "TB (tuberculosis)",
            "human immunodeficiency virus [HIV] disease", "HIV infection",
            "influenza", "flu",
            "mycosis", "fungus infection",
            "candidiasis", "yeast infection",
            "dermatophytosis", "fungal skin infection",
            "pruritus", "itching",
            "alopecia", "hair loss",
            "acne", "acne (pimples)",
            "psoriasis", "psoriasis (scaly skin patches)",
            "lesion", "sore or spot",
            "nodule", "lump",
            "cyst", "fluid-filled sac",
            "hernia", "hernia (a bulge through a weak spot)",
            "inguinal", "groin",
            "umbilical", "belly button",
            "obstruction", "blockage",
            "gangrene", "tissue death",
            "stenosis", "narrowing",
            "insufficiency", "weakness",
            "deficiency", "shortage",
            "vitamin D deficiency", "too little vitamin D",
            "dehydration", "too little body water",
            "hyponatremia", "low blood sodium",
            "hyperkalemia", "high blood potassium",
            "hypokalemia", "low blood potassium",
            "malnutrition", "poor nutrition",
            "encounter for", "visit for",
            "screening", "a check for hidden disease",
            "examination", "checkup",
            "personal history", "past history",
            "long term (current) use", "ongoing use",
            "acute", "sudden (acute)",
            "chronic", "long-lasting (chronic)",
            "bilateral", "both sides",
            "unilateral", "one side",
            "foreign body", "foreign object",
            "sequela", "late effect",
            "initial encounter", "first treatment visit",
            "subsequent encounter", "follow-up visit",
            "superficial", "surface",
            "adverse effect", "side effect",
            "underdosing", "taking too little",
            "intentional self-harm", "self-harm on purpose",
            "assault", "attack by another person",
            "accidental", "by accident",
            "external cause", "cause",
            "pedestrian", "person on foot",
            "occupant", "person riding in",
            "abdominal", "belly",
            "abdomen", "belly",
            "thorax", "chest",
            "thoracic", "chest (thoracic)",
            "lumbar", "lower back (lumbar)",
            "cervical", "neck (cervical)",
            "femur", "thigh bone",
            "tibia", "shin bone",
            "fibula", "outer lower leg bone",
            "humerus", "upper arm bone",
            "radius", "forearm bone (radius)",
            "ulna", "forearm bone (ulna)",
            "clavicle", "collarbone",
            "patella", "kneecap",
            "vertebra", "backbone",
            "cranial", "skull",
            "intracranial", "inside the skull",
            "ocular", "eye",
            "ophthalmic", "eye",
            "cardiac", "heart",
            "coronary", "heart artery",
            "vascular", "blood vessel",
            "venous", "vein",
            "arterial", "artery",
            "cutaneous", "skin",
            "subcutaneous", "under the skin",
            "gastrointestinal", "digestive",
            "intestinal", "bowel",
            "intestine", "bowel",
            "colon", "colon (large bowel)",
            "rectum", "rectum (end of the bowel)",
            "esophagus", "food pipe",
            "trachea", "windpipe",
            "larynx", "voice box",
            "mammary", "breast",
            "uterus", "womb",
            "cervix uteri", "cervix (neck of the womb)",
            "menstruation", "periods",
            "menopausal", "menopause",
            "syndrome", "syndrome (a group of signs)",
            "idiopathic", "of unknown cause",
            "iatrogenic", "caused by treatment",
            "complication", "problem",
            "complications", "problems",
            "of right", "of the right",
            "of left", "of the left"));

    /** Procedures, devices and supplies (ICD-10-PCS body parts, HCPCS titles). */
    public static final LayWords PROCEDURES = new LayWords(pairs(
            "synthetic substitute", "a man-made implant",
            "autologous tissue substitute", "tissue taken from the patient's own body",
            "nonautologous tissue substitute", "donor tissue",
            "zooplastic tissue", "animal tissue",
            "drainage device", "a drain left in place",
            "drug-eluting intraluminal device", "a stent coated with medicine",
            "intraluminal device", "a tube-like device inside it (such as a stent)",
            "extraluminal device", "a clip or band on the outside",
            "internal fixation device", "plates, screws or pins inside the body",
            "intramedullary internal fixation device", "a rod inside the bone",
            "external fixation device", "a frame outside the body that holds the bone",
            "infusion device", "a device that gives medicine",
            "monitoring device", "a monitoring device",
            "radioactive element", "a radioactive seed",
            "spacer", "a spacer",
            "tracheostomy device", "a breathing tube in the neck",
            "pacemaker", "a pacemaker",
            "defibrillator", "a defibrillator",
            "cardiac lead", "a heart wire (lead)",
            "interbody fusion device", "a cage that joins the bones",
            "no device", "no device",
            "vermiform appendix", "appendix",
            "appendix", "appendix",
            "gallbladder", "gallbladder",
            "common bile duct", "main bile duct",
            "large intestine", "large bowel (colon)",
            "small intestine", "small bowel",
            "sigmoid colon", "lower colon (sigmoid)",
            "esophagus", "food pipe (esophagus)",
            "stomach", "stomach",
            "duodenum", "first part of the small bowel (duodenum)",
            "liver", "liver",
            "pancreas", "pancreas",
            "kidney", "kidney",
            "ureter", "tube from kidney to bladder (ureter)",
            "bladder", "bladder",
            "urethra", "tube that carries urine out (urethra)",
            "prostate", "prostate gland",
            "uterus", "womb (uterus)",
            "fallopian tube", "tube between ovary and womb",
            "ovary", "ovary",
            "cervix", "cervix (neck of the womb)",
            "vagina", "vagina",
            "knee joint", "knee joint",
            "hip joint", "hip joint",
            "shoulder joint", "shoulder joint",
            "lumbar vertebral joint", "joint between lower back bones",
            "cervical vertebral joint", "joint between neck bones",
            "thoracic vertebral joint", "joint between upper back bones",
            "coronary artery", "heart artery",
            "coronary arteries", "heart arteries",
            "aortic valve", "aortic valve (main heart valve)",
            "mitral valve", "mitral valve (heart valve)",
            "thoracic aorta", "main artery in the chest",
            "abdominal aorta", "main artery in the belly",
            "saphenous vein", "leg vein (saphenous)",
            "lung", "lung",
            "bronchus", "airway (bronchus)",
            "trachea", "windpipe (trachea)",
            "larynx", "voice box (larynx)",
            "tonsils", "tonsils",
            "thyroid gland", "thyroid gland",
            "breast", "breast",
            "skin", "skin",
            "subcutaneous tissue and fascia", "tissue under the skin",
            "retina", "retina (back of the eye)",
            "brain", "brain",
            "spinal cord", "spinal cord",
            "products of conception", "the pregnancy (baby and placenta)",
            "femoral", "thigh",
            "inguinal", "groin (inguinal)",
            "abdomen", "belly (abdomen)",
            "peritoneal cavity", "belly cavity (peritoneal cavity)",
            "kidney pelvis", "kidney (the part that collects urine)",
            "upper intestinal tract", "upper digestive tract (food pipe, stomach and first part of the bowel)",
            "endotracheal airway", "a breathing tube",
            "traction apparatus", "a traction device (it pulls gently on the body part)",
            "respiratory ventilation", "breathing for the patient with a machine (ventilator)",
            "urinary filtration", "cleaning the blood of waste (dialysis), the work the kidneys do",
            "tibia", "shin bone",
            "femur", "thigh bone",
            "humeral", "upper arm",
            "upper extremity", "arm",
            "lower extremity", "leg",
            "extremity", "limb",
            "abdominal", "belly",
            "thoracic", "chest",
            "cardiac", "heart",
            "intravenous", "into a vein",
            "subcutaneous", "under the skin",
            "intramuscular", "into a muscle",
            "durable medical equipment", "medical equipment for home use",
            "wheelchair", "wheelchair",
            "prosthesis", "artificial body part",
            "prosthetic", "artificial",
            "orthosis", "brace",
            "orthotic", "brace",
            "catheter", "thin tube (catheter)",
            "ostomy", "ostomy (an opening for waste)",
            "enteral", "tube feeding",
            "parenteral", "into a vein",
            "nebulizer", "nebulizer (a machine that turns medicine into mist)",
            "positive airway pressure", "air pressure to keep the airway open",
            "ambulance", "ambulance",
            "nonemergency", "non-emergency",
            "oxygen", "oxygen"));
}
