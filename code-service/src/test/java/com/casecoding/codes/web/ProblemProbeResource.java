package com.casecoding.codes.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Test-only endpoints that provoke each kind of error, to check the shared problem+json mapping. */
@Path("/test/problems")
@Produces(MediaType.APPLICATION_JSON)
public class ProblemProbeResource {

    public record Probe(@NotBlank String name, @Email String email, @Min(1) int count) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Probe echo(@Valid Probe probe) {
        return probe;
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret internal detail com.casecoding.Hidden");
    }

    @GET
    @Path("/limit")
    public int limit(@QueryParam("size") @Min(1) int size) {
        return size;
    }
}
