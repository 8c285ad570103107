package com.casecoding.careers.saved;

import com.casecoding.careers.jobs.SearchCriteria;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SavedSearchRequest")
public record SavedSearchRequest(
        @Schema(example = "Remote CRC jobs in TX") @NotBlank @Size(max = 100) String name,
        @NotNull @Valid SearchCriteria criteria,
        @Schema(description = "Send a daily e-mail digest of new matches (default true)") Boolean digest) {
}
