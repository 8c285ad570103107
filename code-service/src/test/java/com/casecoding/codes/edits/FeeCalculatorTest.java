package com.casecoding.codes.edits;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeeCalculatorTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void feeAtALocalityWeightsEachComponentByItsGpci() {
        // (1.30 x 1.017 + 1.35 x 1.093 + 0.10 x 0.662) x 32.3465 = 2.86385 x 32.3465 = 92.6361...
        assertEquals(d("92.64"), FeeCalculator.fee(d("1.30"), d("1.35"), d("0.10"), d("1.017"), d("1.093"),
                d("0.662"), d("32.3465")));
    }

    @Test
    void nationalFeeUsesGpcisOfOne() {
        // (1.30 + 1.35 + 0.10) x 32.3465 = 88.952875
        assertEquals(d("88.95"), FeeCalculator.nationalFee(d("1.30"), d("1.35"), d("0.10"), d("32.3465")));
    }

    @Test
    void roundsHalfUpToCents() {
        assertEquals(d("0.02"), FeeCalculator.nationalFee(d("0.0005"), d("0"), d("0"), d("30")));
        assertEquals(d("0.01"), FeeCalculator.nationalFee(d("0.0001"), d("0.0001"), d("0.0001"), d("30")));
    }

    private static RvuEntry rvu(String status, boolean nonFacNa) {
        return new RvuEntry("27447", "", status, "", d("20.00"), d("0.00"), nonFacNa, d("10.00"), false, d("4.00"),
                "0", "090", d("0.10"), d("0.80"), d("0.10"), "2", "1", "2", "1", "0", "", d("30.0000"), "09", null);
    }

    @Test
    void paymentHonoursNaIndicatorsAndStatus() {
        GpciEntry gpci = new GpciEntry("01112-54", "01112", "CA", "54", "BAKERSFIELD", d("1.020"), d("1.100"),
                d("0.650"), List.of("KERN"), null);
        Payment p = Payment.of(rvu("A", true), gpci);
        assertNull(p.nationalFee().nonFacility());
        assertEquals(d("1020.00"), p.nationalFee().facility()); // (20 + 10 + 4) x 30
        // (20 x 1.02 + 10 x 1.1 + 4 x 0.65) x 30 = (20.4 + 11 + 2.6) x 30 = 1020.00
        assertEquals(d("1020.00"), p.localityFee().facility());
        assertNull(p.localityFee().nonFacility());
        assertTrue(p.feeNote().contains("non-facility"));
        assertTrue(p.globalDays().meaning().contains("90 days"));

        Payment excluded = Payment.of(rvu("X", false), null);
        assertNull(excluded.nationalFee());
        assertTrue(excluded.feeNote().startsWith("No fee"));
    }

    @Test
    void addOnEditsRespectEveryDate() {
        AddOnEdit e = new AddOnEdit(1, "37252", null, "37225", LocalDate.of(2019, 12, 31),
                LocalDate.of(2018, 1, 1), LocalDate.of(2019, 12, 31), "", null);
        assertTrue(e.activeOn(LocalDate.of(2019, 12, 31)));
        assertTrue(!e.activeOn(LocalDate.of(2020, 1, 1)));
        assertTrue(!e.activeOn(LocalDate.of(2017, 12, 31)));
    }
}
