package com.casecoding.careers.saved;

import com.casecoding.careers.jobs.SearchCriteria;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "SavedSearch")
public record SavedSearchView(long id, String name, SearchCriteria criteria, boolean digest,
                              @Schema(description = "Whether the account has an e-mail address the digest can go to")
                              boolean digestDeliverable, Instant lastNotifiedAt, Instant createdAt) {
}
