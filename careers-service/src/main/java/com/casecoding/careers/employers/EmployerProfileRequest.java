package com.casecoding.careers.employers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an employer may set on its profile; {@code verified} is the admins' and cannot be sent. */
@Schema(name = "EmployerProfileRequest")
public record EmployerProfileRequest(
        @Schema(example = "Riverbend Health") @NotBlank @Size(max = 200) String organizationName,
        @Schema(example = "https://riverbend.example") @Size(max = 500) String website,
        @Size(max = 5000) String about,
        @Schema(example = "https://riverbend.example/logo.png") @Size(max = 500) String logoUrl) {
}
