package com.casecoding.codes.release;

import com.casecoding.common.codes.CodeSystem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Code sets", description = "Which code sets are served and which official releases are loaded")
public class ReleaseResource {

    public record CodeSystemView(String id, String label, String description) {
    }

    public record ReleaseView(String dataset, String version, LocalDate effectiveDate, String sourceFile,
                              String sourceSha256, int rowCount, Instant importedAt) {
    }

    @GET
    @Path("/code-systems")
    @Operation(summary = "The code sets this platform serves, with the id used in URLs")
    public List<CodeSystemView> codeSystems() {
        return Arrays.stream(CodeSystem.values())
                .map(s -> new CodeSystemView(s.id(), s.label(), s.description())).toList();
    }

    @GET
    @Path("/releases")
    @Operation(summary = "Every imported release, newest effective date first within each dataset")
    public List<ReleaseView> releases() {
        List<CodeRelease> all = CodeRelease.list("order by dataset, effectiveDate desc, id desc");
        return all.stream().map(r -> new ReleaseView(r.dataset, r.version, r.effectiveDate, r.sourceFile,
                r.sourceSha256, r.rowCount, r.importedAt)).toList();
    }
}
