package com.casecoding.codes.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.casecoding.common.security.ViewGrants;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The caller's code page views after this page, as the gateway counted them (it states them in the view grant): what a
 * frontend shows above the page.
 */
@Schema(name = "ViewMeter", description = "The caller's code page views after this page, as the gateway counted them")
public record ViewMeter(
        @Schema(description = "The caller's plan", example = "guest", required = true) String plan,
        @Schema(description = "Code page views the plan allows per month; null when unlimited", example = "1",
                nullable = true) Integer limit,
        @Schema(description = "Views counted this month, this one included (0 on unlimited plans)", example = "1",
                required = true) int used,
        @Schema(description = "Views left this month; null when unlimited", example = "0", nullable = true)
        Integer remaining,
        @Schema(description = "The sentence to show above the page", required = true,
                example = "0 code page views remaining. Guest accounts are limited to 1 page view. Register a free "
                        + "account to get 5 more views.") String message) {

    /**
     * The meter {@link ViewGrantFilter} put on this request ({@link ViewGrantFilter#METER_HEADER}), or null when the
     * grant stated none.
     */
    public static ViewMeter fromRequest(ObjectMapper json, String header) {
        if (header == null) {
            return null;
        }
        try {
            return json.readValue(header, ViewMeter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The view meter set by the view grant filter is not JSON", e);
        }
    }

    static ViewMeter of(ViewGrants.Meter meter) {
        return new ViewMeter(meter.plan(), meter.unlimited() ? null : meter.limit(), meter.used(),
                meter.remaining() < 0 ? null : meter.remaining(), meter.message());
    }
}
