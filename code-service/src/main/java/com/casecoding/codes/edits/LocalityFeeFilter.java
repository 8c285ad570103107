package com.casecoding.codes.edits;

import com.casecoding.codes.page.CodePage;
import com.casecoding.common.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code GET /api/codes/{system}/{code}?locality=MAC-locality}: swaps the (cached, locality-free) payment section of
 * an unlocked code page for one carrying the fee at that locality. Kept here so the code page stays cacheable per
 * code; an unknown locality is a 400 before the page is built.
 */
public class LocalityFeeFilter {

    private static final Pattern PAGE = Pattern.compile("/?api/codes/(cpt|hcpcs)/[^/]+/?", Pattern.CASE_INSENSITIVE);

    @Inject
    PaymentSections sections;

    @Inject
    EditTables tables;

    private static String locality(ContainerRequestContext request) {
        if (!"GET".equals(request.getMethod()) || !PAGE.matcher(request.getUriInfo().getPath()).matches()) {
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
    public void addLocalityFee(ContainerRequestContext request, ContainerResponseContext response) {
        String locality = locality(request);
        if (locality == null || response.getStatus() != 200 || !(response.getEntity() instanceof CodePage page)) {
            return;
        }
        List<CodePage.Section> updated = page.sections().stream().map(s -> {
            if (!s.key().equals(PaymentSections.PAYMENT) || s.locked() || s.content() == null) {
                return s;
            }
            String code = page.code().replace(".", "");
            return new CodePage.Section(s.key(), s.title(), s.access(), s.locked(), s.unlock(),
                    EditPageSections.content(sections.payment(code, locality)));
        }).toList();
        response.setEntity(new CodePage(page.code(), page.system(), page.systemLabel(), page.release(), page.status(),
                page.deleted(), page.billable(), page.addOn(), page.access(), updated));
    }
}
