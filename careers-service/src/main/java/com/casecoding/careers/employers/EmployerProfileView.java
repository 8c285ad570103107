package com.casecoding.careers.employers;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** An employer profile; {@code accountId} and {@code contactEmail} are filled for admins only. */
@Schema(name = "EmployerProfile")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmployerProfileView(@Schema(nullable = true) String accountId, String organizationName,
                                  @Schema(nullable = true) String website, @Schema(nullable = true) String about,
                                  @Schema(nullable = true) String logoUrl, boolean verified,
                                  @Schema(nullable = true) String contactEmail, Instant createdAt,
                                  Instant updatedAt) {

    public static EmployerProfileView forOwner(EmployerProfile p) {
        return new EmployerProfileView(null, p.organizationName, p.website, p.about, p.logoUrl, p.verified, null,
                p.createdAt, p.updatedAt);
    }

    public static EmployerProfileView forAdmin(EmployerProfile p) {
        return new EmployerProfileView(p.accountId, p.organizationName, p.website, p.about, p.logoUrl, p.verified,
                p.contactEmail, p.createdAt, p.updatedAt);
    }
}
