package com.casecoding.common.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;

/**
 * The entity tag of a {@link Revalidated} answer: the 200's entity is written to JSON here (with the application's
 * mapper, as the JSON writer would), tagged with {@link ETags#of} over those bytes, and sent as they are; when the
 * request's {@code If-None-Match} names that tag the answer is 304 with no body. Answers depend on the caller's plan,
 * so caches may keep them for that caller only and must ask again each time ({@code private, no-cache}).
 */
@Provider
@Revalidated
public class RevalidationFilter implements ContainerResponseFilter {

    static final String CACHE_CONTROL = "private, no-cache";

    @Inject
    ObjectMapper mapper;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        if (response.getStatus() != Response.Status.OK.getStatusCode() || !response.hasEntity()
                || !(HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))) {
            return;
        }
        Object entity = response.getEntity();
        byte[] body = entity instanceof byte[] bytes ? bytes : mapper.writeValueAsBytes(entity);
        String etag = ETags.of(body);
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        if (ETags.matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        } else {
            response.setEntity(body, response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
        }
    }
}
