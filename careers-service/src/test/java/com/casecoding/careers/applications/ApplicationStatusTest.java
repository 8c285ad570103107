package com.casecoding.careers.applications;

import org.junit.jupiter.api.Test;

import static com.casecoding.careers.applications.ApplicationStatus.HIRED;
import static com.casecoding.careers.applications.ApplicationStatus.INTERVIEW;
import static com.casecoding.careers.applications.ApplicationStatus.OFFER;
import static com.casecoding.careers.applications.ApplicationStatus.REJECTED;
import static com.casecoding.careers.applications.ApplicationStatus.REVIEWING;
import static com.casecoding.careers.applications.ApplicationStatus.SUBMITTED;
import static com.casecoding.careers.applications.ApplicationStatus.WITHDRAWN;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplicationStatusTest {

    @Test
    void employersMoveForwardOrReject() {
        assertTrue(SUBMITTED.employerMayMoveTo(REVIEWING));
        assertTrue(SUBMITTED.employerMayMoveTo(OFFER));
        assertTrue(INTERVIEW.employerMayMoveTo(REJECTED));
        assertTrue(OFFER.employerMayMoveTo(HIRED));
        assertFalse(INTERVIEW.employerMayMoveTo(REVIEWING));
        assertFalse(REVIEWING.employerMayMoveTo(REVIEWING));
        assertFalse(REVIEWING.employerMayMoveTo(SUBMITTED));
        assertFalse(REVIEWING.employerMayMoveTo(WITHDRAWN));
    }

    @Test
    void finalStatesStayFinal() {
        for (ApplicationStatus end : new ApplicationStatus[]{HIRED, REJECTED, WITHDRAWN}) {
            assertTrue(end.isFinal());
            for (ApplicationStatus next : ApplicationStatus.values()) {
                assertFalse(end.employerMayMoveTo(next), end + " -> " + next);
            }
        }
    }
}
