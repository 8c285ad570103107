package com.casecoding.codes.edits;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test fixtures in the official layouts, written for these tests (src/test/resources/edits). */
public final class Fixtures {

    public static final String MUE_PRACTITIONER = "MCR_MUE_PractitionerServices_Eff_01-01-2026.csv";
    public static final String MUE_DME = "MCR_MUE_DMESupplierServices_Eff_01-01-2026.csv";
    public static final String AOC = "AOC_V2026Q1-MCR.csv";
    public static final String PTP = "ccipra-v320r0-f1.TXT";
    public static final String RVU = "PPRRVU2026_Jan_nodesc.csv";
    public static final String GPCI = "GPCI2026.txt";
    public static final String LOCCO = "26LOCCO.txt";

    private Fixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/edits/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Reader reader(String name) {
        return new InputStreamReader(new java.io.ByteArrayInputStream(bytes(name)), StandardCharsets.ISO_8859_1);
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.ISO_8859_1);
    }

    public static Reader string(String s) {
        return new StringReader(s);
    }
}
