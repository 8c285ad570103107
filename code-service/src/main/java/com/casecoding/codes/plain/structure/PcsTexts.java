package com.casecoding.codes.plain.structure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ICD-10-PCS texts from the code's seven characters and its title. The first character is the section; in the
 * Medical and Surgical section (0) and New Technology (X) the third is the root operation, explained in lay words
 * after the definitions of the official PCS reference manual; the approach, device and qualifier are read from the
 * title's parts, whose order the PCS tables fix ("Root operation of Body part with Device, Qualifier, Approach").
 */
public final class PcsTexts {

    private PcsTexts() {
    }

    /** Root operations of sections 0 and X, by their third character: what is done, in lay words. */
    static final Map<Character, String> ROOT_OPERATIONS = Map.ofEntries(
            Map.entry('0', "changes the shape or look of a body part, without fixing a disease (alteration)"),
            Map.entry('1', "makes a new path around a blocked or narrow part, so that blood, air or fluid goes another way (bypass)"),
            Map.entry('2', "takes out a device and puts an identical one back in place, without cutting the skin (change)"),
            Map.entry('3', "stops bleeding after a procedure or an injury (control)"),
            Map.entry('4', "makes a new structure where none was, such as a new heart valve opening (creation)"),
            Map.entry('5', "destroys all or part of a body part with heat, cold, a laser or chemicals; nothing is taken out (destruction)"),
            Map.entry('6', "cuts off all or part of an arm or leg (detachment)"),
            Map.entry('7', "widens a narrow tube in the body, such as a blood vessel (dilation)"),
            Map.entry('8', "cuts a body part into two parts, without taking anything out (division)"),
            Map.entry('9', "drains fluid or gas out of a body part (drainage)"),
            Map.entry('B', "cuts out or off a part of a body part, not all of it (excision)"),
            Map.entry('C', "takes out solid matter such as a clot, a stone or a foreign object (extirpation)"),
            Map.entry('D', "pulls or strips out all or part of a body part by force (extraction)"),
            Map.entry('F', "breaks solid matter, such as a stone, into pieces (fragmentation)"),
            Map.entry('G', "joins bones or joints so that they no longer move (fusion)"),
            Map.entry('H', "puts in a device that helps a body part work, without taking its place (insertion)"),
            Map.entry('J', "looks at a body part to check it, without other work on it (inspection)"),
            Map.entry('K', "maps the electrical paths of the heart or brain (map)"),
            Map.entry('L', "closes off a tube or opening in the body, fully (occlusion)"),
            Map.entry('M', "puts a body part that was cut off back in its place (reattachment)"),
            Map.entry('N', "frees a body part from tissue that holds it too tight, such as scar tissue (release)"),
            Map.entry('P', "takes out a device from a body part (removal)"),
            Map.entry('Q', "fixes a body part so that it works again, as far as can be (repair)"),
            Map.entry('R', "puts in a device or tissue that takes the place of all or part of a body part (replacement)"),
            Map.entry('S', "moves a body part back to its normal place, or to another place (reposition)"),
            Map.entry('T', "cuts out or off a whole body part (resection), so the body part is removed whole"),
            Map.entry('U', "adds material to strengthen or fill out a body part (supplement)"),
            Map.entry('V', "makes a tube in the body narrower, without closing it fully (restriction)"),
            Map.entry('W', "corrects a device that does not work as it should, or is in the wrong place (revision)"),
            Map.entry('X', "moves tissue to another place while it stays attached to its blood supply (transfer)"),
            Map.entry('Y', "puts in a body part taken from another person or an animal (transplantation)"));

    /** The sections by their first character, in lay words. */
    static final Map<Character, String> SECTIONS = Map.ofEntries(
            Map.entry('0', "a surgical procedure"),
            Map.entry('1', "a pregnancy procedure (obstetrics): the work is on the pregnancy itself"),
            Map.entry('2', "a placement procedure: a device such as a cast, splint, bandage or packing is put on or in the body, without cutting"),
            Map.entry('3', "an administration procedure: a medicine, blood product or other substance is given"),
            Map.entry('4', "a measurement or monitoring procedure: a body function, such as heart rhythm or pressure, is measured"),
            Map.entry('5', "a procedure in which a machine outside the body helps an organ work (assistance or support)"),
            Map.entry('6', "a treatment with a machine outside the body (extracorporeal therapy)"),
            Map.entry('7', "an osteopathic treatment: a hands-on treatment of the body"),
            Map.entry('8', "another kind of procedure, such as acupuncture or robot help"),
            Map.entry('9', "a chiropractic treatment: a hands-on treatment of the spine or joints"),
            Map.entry('B', "an imaging test: pictures of the inside of the body"),
            Map.entry('C', "a nuclear medicine test: a small amount of radioactive material shows how a body part works"),
            Map.entry('D', "a radiation treatment (radiation therapy), often for cancer"),
            Map.entry('F', "a physical rehabilitation or hearing service: tests or therapy to help the patient move, speak, hear or do daily tasks"),
            Map.entry('G', "a mental health service"),
            Map.entry('H', "a service for substance abuse treatment"),
            Map.entry('X', "a new technology procedure: a new drug, device or method tracked under its own code"));

    /** Approaches as the titles name them, longest first, in lay words. */
    private static final Map<String, String> APPROACHES = new LinkedHashMap<>();

    static {
        APPROACHES.put("via natural or artificial opening with percutaneous endoscopic assistance",
                "through a natural opening, helped by a scope put in through small cuts");
        APPROACHES.put("via natural or artificial opening endoscopic",
                "with a scope passed through a natural opening, such as the mouth or anus");
        APPROACHES.put("via natural or artificial opening",
                "through a natural opening, such as the mouth, nose, urethra or anus, or an opening made before");
        APPROACHES.put("percutaneous endoscopic approach",
                "through small incisions with a scope (keyhole surgery)");
        APPROACHES.put("percutaneous approach", "through the skin with a needle or a small puncture");
        APPROACHES.put("open approach", "through an open incision (a cut that lays the body part bare)");
        APPROACHES.put("external approach", "from outside the body, on the skin or through a body opening without cutting");
    }

    /** Lay words for other section operations (the first words of their titles). */
    private static final Map<String, String> OTHER_OPERATIONS = Map.ofEntries(
            Map.entry("introduction", "putting a substance into the body"),
            Map.entry("irrigation", "rinsing a body part with fluid"),
            Map.entry("transfusion", "giving blood or a blood product"),
            Map.entry("measurement", "measuring a body function once"),
            Map.entry("monitoring", "measuring a body function over a period of time"),
            Map.entry("assistance", "a machine helping an organ work"),
            Map.entry("performance", "a machine doing the work of an organ"),
            Map.entry("restoration", "bringing back a body function, such as the heart beat"),
            Map.entry("compression", "putting pressure on a body part"),
            Map.entry("change", "changing a device for a new one"),
            Map.entry("removal", "taking a device off"),
            Map.entry("dressing", "putting a dressing (bandage) on a wound"),
            Map.entry("immobilization", "keeping a body part still, with a splint or cast"),
            Map.entry("packing", "putting material into a body area"),
            Map.entry("traction", "pulling gently on a body part to stretch it"),
            Map.entry("plain radiography", "an X-ray picture"),
            Map.entry("fluoroscopy", "a moving X-ray picture (fluoroscopy)"),
            Map.entry("computerized tomography", "a CT scan (many X-ray slices)"),
            Map.entry("magnetic resonance imaging", "an MRI scan (pictures made with a magnet)"),
            Map.entry("ultrasonography", "an ultrasound scan (pictures made with sound waves)"),
            Map.entry("beam radiation", "radiation beams aimed from outside the body"),
            Map.entry("brachytherapy", "radiation from a source placed inside the body"),
            Map.entry("stereotactic radiosurgery", "very precise, high-dose radiation"),
            Map.entry("delivery", "helping the baby out (delivery)"),
            Map.entry("extraction", "taking the baby or pregnancy out"),
            Map.entry("abortion", "ending a pregnancy"),
            Map.entry("pharmacotherapy", "treatment with medicine"),
            Map.entry("counseling", "counseling (talk sessions)"),
            Map.entry("detoxification services", "help to safely stop using a substance"),
            Map.entry("psychological tests", "tests of thinking, mood and behavior"),
            Map.entry("electroconvulsive therapy", "electric treatment of the brain for severe mental illness"),
            Map.entry("osteopathic treatment", "hands-on treatment by an osteopathic doctor"),
            Map.entry("chiropractic manipulation", "hands-on adjustment of the spine or joints"),
            Map.entry("hyperbaric oxygenation", "breathing oxygen in a pressure chamber"),
            Map.entry("pheresis", "taking blood out, removing a part of it, and giving the rest back"));

    /** The text of one code; null when the code is not a 7-character PCS code. */
    public static String text(String code, String title) {
        if (code == null || code.length() != 7 || title == null || title.isBlank()) {
            return null;
        }
        char section = code.charAt(0);
        String sectionWords = SECTIONS.get(section);
        if (sectionWords == null) {
            return null;
        }
        String lower = title.toLowerCase(Locale.ROOT);
        List<String> sentences = new ArrayList<>();
        String bodyPart = "BCD".indexOf(section) >= 0 ? imagedPart(title) : bodyPart(title);
        if (section == '0' || section == 'X') {
            String op = ROOT_OPERATIONS.get(code.charAt(2));
            sentences.add("This is " + sectionWords + ".");
            if (op != null) {
                sentences.add("The surgeon " + op + ".");
            }
            if (!bodyPart.isEmpty()) {
                sentences.add("The body part is the " + LayWords.PROCEDURES.lay(bodyPart.toLowerCase(Locale.ROOT)) + ".");
            }
        } else {
            sentences.add("This is " + sectionWords + ".");
            String opLay = otherOperation(lower);
            if (opLay != null) {
                sentences.add("The work is " + opLay + ".");
            }
            if ("BCD279".indexOf(section) >= 0) {
                if (!bodyPart.isEmpty()) {
                    sentences.add("It is on the " + LayWords.PROCEDURES.lay(bodyPart.toLowerCase(Locale.ROOT)) + ".");
                }
            } else {
                int into = title.indexOf(" into ");
                int comma = title.indexOf(',', Math.max(0, into));
                String what = comma < 0 ? title : title.substring(0, comma);
                sentences.add("It covers: " + LayWords.PROCEDURES.lay(what.toLowerCase(Locale.ROOT)) + ".");
            }
            int on = title.indexOf(" on ");
            if (section == '2' && on > 0) {
                String device = title.substring(title.indexOf(' ') + 1, on).replaceFirst("^of ", "");
                sentences.add("It uses " + LayWords.PROCEDURES.lay(device.toLowerCase(Locale.ROOT)) + ".");
            }
        }
        String device = device(title);
        if (device != null) {
            sentences.add(device.equalsIgnoreCase("no device") ? "No device is left in the body."
                    : "It uses " + LayWords.PROCEDURES.lay(device.toLowerCase(Locale.ROOT)) + ".");
        }
        for (Map.Entry<String, String> a : APPROACHES.entrySet()) {
            if (lower.contains(a.getKey())) {
                sentences.add("It is done " + a.getValue() + ".");
                break;
            }
        }
        if (lower.endsWith(", diagnostic")) {
            sentences.add("It is done to take a sample for testing (a biopsy), not as the treatment.");
        }
        return String.join(" ", sentences);
    }

    private static String otherOperation(String lowerTitle) {
        for (Map.Entry<String, String> e : OTHER_OPERATIONS.entrySet()) {
            if (lowerTitle.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The words between the operation ("Resection of") and the first comma or " with ". */
    static String bodyPart(String title) {
        int matter = title.indexOf(" of Matter from ");
        if (matter >= 0) {
            return bodyPart(title.substring(0, matter) + " of " + title.substring(matter + " of Matter from ".length()));
        }
        return bodyPart(title, false);
    }

    /** The body part words of an imaging, nuclear or radiation title: up to " using " (commas join body parts). */
    static String imagedPart(String title) {
        return bodyPart(title, true);
    }

    private static String bodyPart(String title, boolean commasInside) {
        int into = title.indexOf(" into ");
        int start;
        if (into >= 0) {
            start = into + 6;
        } else {
            int comma = title.indexOf(',') < 0 ? title.length() : title.indexOf(',');
            start = -1;
            for (String word : new String[]{" of ", " in ", " at ", " on "}) {
                int at = title.indexOf(word);
                if (at >= 0 && at < comma) {
                    start = at + word.length();
                    break;
                }
            }
            int space = title.indexOf(' ');
            if (start < 0 && space >= 0) {
                start = space + 1;
            }
        }
        if (start < 0) {
            return "";
        }
        String rest = title.substring(start);
        int end = rest.length();
        for (String stop : commasInside ? new String[]{" using "} : new String[]{",", " with ", " using ", " from ", " to "}) {
            int at = rest.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return rest.substring(0, end).strip();
    }

    /** The device named after " with " (up to the next comma), or null. */
    static String device(String title) {
        int of = title.indexOf(" of ");
        int into = title.indexOf(" into ");
        if (title.startsWith("Insertion of ") && into > of) {
            return title.substring(of + 4, into).strip();
        }
        int with = title.indexOf(" with ");
        if (with < 0) {
            return null;
        }
        String rest = title.substring(with + 6);
        int comma = rest.indexOf(',');
        return (comma < 0 ? rest : rest.substring(0, comma)).strip();
    }
}
