package com.casecoding.codes.reference;

import com.casecoding.common.list.ListPage;
import com.casecoding.common.list.Paging;
import java.net.URI;
import com.casecoding.common.problem.ProblemException;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Place of service codes from the loaded CMS list, and what each means for Medicare Physician Fee Schedule payment
 * (facility or non-facility rate). {@link #check} is what claim checks call for a claim's or a line's
 * {@code placeOfService}; the endpoint {@code /api/place-of-service} serves {@link #list} and {@link #find}.
 */
@ApplicationScoped
public class PlaceOfServiceService {

    @Inject
    ReferenceTables tables;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlaceOfService(String code, String name, @Schema(nullable = true) PaymentRate paymentRate,
                                 @Schema(nullable = true) String paymentNote) {
    }

    /** Place of service codes in the list convention, with the release and a note on codes added since. */
    public record PlaceOfServiceList(List<PlaceOfService> items, long total, int limit, int offset,
                                     @Schema(nullable = true, description = "Path and query of the next page, "
                                             + "relative to the API's origin; null on the last page") String next,
                                     RefRelease release, @Schema(nullable = true) String note) {
    }

    /** The outcome of checking one place of service code. */
    public enum Status {
        /** in the loaded list */
        VALID,
        /** not two digits 01-99 */
        MALFORMED,
        /** two digits, but not in the loaded list */
        UNKNOWN,
        /** no place of service list is loaded: nothing can be said */
        NOT_LOADED
    }

    /**
     * What a claim check reports for a place of service.
     *
     * @param status   the outcome
     * @param code     the code in normal form (two digits), null when malformed
     * @param place    the code's name and payment rate when valid
     * @param message  what is wrong or what the code means, for the finding
     * @param fix      what to do when it is not valid, else null
     * @param release  the list it was checked against (null when none is loaded)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Check(Status status, String code, PlaceOfService place, String message, String fix,
                        RefRelease release) {

        public boolean valid() {
            return status == Status.VALID;
        }

        /** True when a facility-rate setting: the fee schedule's facility RVUs apply. */
        public boolean facilityRate() {
            return place != null && place.paymentRate() == PaymentRate.FACILITY;
        }
    }

    /** The page {@code paging} asks for of every loaded code, in order; {@code request} is where the next page is. */
    public PlaceOfServiceList list(Paging paging, URI request) {
        ReferenceTables.Pos pos = loaded();
        List<PlaceOfService> all = pos.names().entrySet().stream().map(PlaceOfServiceService::place).toList();
        List<PlaceOfService> items = paging.slice(all);
        return new PlaceOfServiceList(items, all.size(), paging.limit(), paging.offset(),
                ListPage.next(request, paging, items.size(), all.size()), pos.release(), note(pos));
    }

    /** One code, or a 400 (not two digits) / 404 (not in the list) problem. */
    public PlaceOfService find(String typed) {
        String code = PlaceOfServiceCodes.normalize(typed).orElseThrow(() -> ProblemException.invalidField("code",
                "'" + typed + "' is not a place of service code: two digits 01-99, e.g. 11 (office)"));
        ReferenceTables.Pos pos = loaded();
        String name = pos.names().get(code);
        if (name == null) {
            throw ProblemException.notFound("Place of service " + code + " is not in the loaded list ("
                    + pos.release().label() + "). " + note(pos));
        }
        return place(Map.entry(code, name));
    }

    /**
     * Checks a claim's place of service. {@code dateOfService} is accepted for when dated lists are loaded; the CMS
     * set is checked as of the newest loaded list (codes are added over time, rarely removed).
     */
    public Check check(String typed, LocalDate dateOfService) {
        Optional<String> code = PlaceOfServiceCodes.normalize(typed);
        Optional<ReferenceTables.Pos> pos = tables.placesOfService();
        if (code.isEmpty()) {
            return new Check(Status.MALFORMED, null, null, "'" + (typed == null ? "" : typed.strip())
                    + "' is not a place of service code.", "Use the two-digit CMS place of service code, e.g. 11 "
                    + "for an office or 22 for an on-campus outpatient hospital.", pos.map(ReferenceTables.Pos::release)
                    .orElse(null));
        }
        if (pos.isEmpty()) {
            return new Check(Status.NOT_LOADED, code.get(), null, "No place of service list is loaded, so "
                    + code.get() + " cannot be checked.", null, null);
        }
        String name = pos.get().names().get(code.get());
        if (name == null) {
            return new Check(Status.UNKNOWN, code.get(), null, "Place of service " + code.get()
                    + " is not in the loaded CMS list.", "Check the code against the current CMS Place of Service "
                    + "code set; " + note(pos.get()), pos.get().release());
        }
        PlaceOfService place = place(Map.entry(code.get(), name));
        String meaning = switch (place.paymentRate()) {
            case FACILITY -> "paid at the Medicare facility rate";
            case NON_FACILITY -> "paid at the Medicare non-facility rate";
            case NOT_LISTED -> "not named by CMS's facility/non-facility payment policy; the Medicare contractor "
                    + "decides";
        };
        return new Check(Status.VALID, code.get(), place, "Place of service " + code.get() + " (" + name + "): "
                + meaning + ".", null, pos.get().release());
    }

    private ReferenceTables.Pos loaded() {
        return tables.placesOfService().orElseThrow(() -> ProblemException.notFound(
                "No place of service list is loaded: import the CMS Place of Service code set "
                        + "(place_of_service_codes.csv)."));
    }

    private static PlaceOfService place(Map.Entry<String, String> e) {
        return new PlaceOfService(e.getKey(), e.getValue(), PaymentRate.of(e.getKey()), PaymentRate.note(e.getKey()));
    }

    private static String note(ReferenceTables.Pos pos) {
        return pos.release().effectiveDate() == null
                ? "The loaded list states no date: codes CMS added after it was made are missing from it."
                : "Codes CMS added after " + pos.release().version() + " are missing from the loaded list.";
    }
}
