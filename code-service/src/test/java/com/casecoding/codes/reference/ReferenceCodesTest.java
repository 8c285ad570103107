package com.casecoding.codes.reference;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferenceCodesTest {

    @Test
    void placeOfServiceCodesAreTwoDigits() {
        assertEquals("11", PlaceOfServiceCodes.normalize(" 11 ").orElseThrow());
        assertEquals("02", PlaceOfServiceCodes.normalize("2").orElseThrow());
        assertTrue(PlaceOfServiceCodes.normalize("00").isEmpty());
        assertTrue(PlaceOfServiceCodes.normalize("111").isEmpty());
        assertTrue(PlaceOfServiceCodes.normalize("1A").isEmpty());
        assertTrue(PlaceOfServiceCodes.normalize(null).isEmpty());
        assertEquals(PaymentRate.FACILITY, PaymentRate.of("22"));
        assertEquals(PaymentRate.NON_FACILITY, PaymentRate.of("11"));
        assertEquals(PaymentRate.NOT_LISTED, PaymentRate.of("05"));
    }

    @Test
    void drgNumbers() {
        assertEquals(470, DrgNumbers.parse("470").getAsInt());
        assertEquals(1, DrgNumbers.parse("001").getAsInt());
        assertEquals(470, DrgNumbers.parse("DRG 470").getAsInt());
        assertTrue(DrgNumbers.parse("0").isEmpty());
        assertTrue(DrgNumbers.parse("1000").isEmpty());
        assertTrue(DrgNumbers.parse("47a").isEmpty());
        assertEquals("001", DrgNumbers.display(1));
    }

    @Test
    void drgSeveritySplitsFromTitles() {
        assertEquals("with MCC", DrgService.severityLevel("HEART FAILURE AND SHOCK WITH MCC"));
        assertEquals("without CC/MCC", DrgService.severityLevel("HEART FAILURE AND SHOCK WITHOUT CC/MCC"));
        assertEquals("without MCC", DrgService.severityLevel("MAJOR JOINT REPLACEMENT WITHOUT MCC"));
        assertEquals("with CC/MCC", DrgService.severityLevel("SOMETHING WITH CC/MCC"));
        assertEquals(null, DrgService.severityLevel("UNGROUPABLE"));
        assertEquals(DrgService.base("HEART FAILURE AND SHOCK WITH CC"), DrgService.base("HEART FAILURE AND SHOCK WITH MCC"));
    }

    @Test
    void ourLabelTablesLoad() {
        assertEquals("Heart failure", HccLabels.label("V24", 85).orElseThrow());
        assertTrue(HccLabels.label("V28", 226).orElseThrow().contains("Heart failure"));
        assertEquals("Circulatory system", MdcLabels.label("05").orElseThrow());
        assertTrue(MdcLabels.label("26").isEmpty());
    }
}
