package com.casecoding.codes.edits;

import com.casecoding.codes.page.CodePage;
import com.casecoding.common.codes.CodePagePath;
import com.casecoding.common.codes.CodeSystem;
import com.casecoding.common.problem.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.io.IOException;

/**
 * {@code GET /api/codes/{cpt|hcpcs}/{code}?locality=MAC-locality}: puts the fee at that locality into the payment
 * section of an unlocked code page. The page itself stays cached per code (as JSON bytes) and knows nothing of
 * localities; only requests with {@code ?locality=} pay for re-reading it here. An unknown locality is a 400 before
 * the page is built.
 */
public class LocalityFeeFilter {

    @Inject
    PaymentSections sections;

    @Inject
    EditTables tables;

    @Inject
    ObjectMapper mapper;

    private static String locality(ContainerRequestContext request) {
        CodePagePath.Match page = CodePagePath.match(request.getMethod(), request.getUriInfo().getPath());
        if (!page.isPage() || page.key().system() != CodeSystem.CPT && page.key().system() != CodeSystem.HCPCS
                || !request.getUriInfo().getPath().startsWith("/api/codes/")) {
            return null;
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        String locality = query.getFirst("locality");
        return locality == null || locality.isBlank() ? null : locality;
    }

    @ServerRequestFilter
    public void check(ContainerRequestContext request) {
        String locality = locality(request);
        if (locality != null && tables.locality(locality).isEmpty()) {
            throw ProblemException.invalidField("locality",
                    "is not a known Medicare payment locality (MAC-locality, e.g. 01112-54; see /api/edits/localities)");
        }
    }

    @ServerResponseFilter
    public void addLocalityFee(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        String locality = locality(request);
        if (locality == null || response.getStatus() != 200) {
            return;
        }
        Object entity = response.getEntity();
        JsonNode page = entity instanceof byte[] bytes ? mapper.readTree(bytes)
                : entity instanceof CodePage p ? mapper.valueToTree(p) : null;
        if (page == null || !page.path("sections").isArray()) {
            return;
        }
        String code = CodePagePath.match(request.getMethod(), request.getUriInfo().getPath()).key().code();
        boolean changed = false;
        for (JsonNode section : page.get("sections")) {
            if (section.path("key").asText().equals(PaymentSections.PAYMENT) && !section.path("locked").asBoolean()
                    && section.hasNonNull("content")) {
                ((ObjectNode) section).set("content",
                        mapper.valueToTree(EditPageSections.content(sections.payment(code, locality))));
                changed = true;
            }
        }
        if (changed) {
            response.setEntity(mapper.writeValueAsBytes(page));
        }
    }
}
