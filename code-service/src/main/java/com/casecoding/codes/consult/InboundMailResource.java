package com.casecoding.codes.consult;

import com.casecoding.codes.consult.ConsultViews.InboundResult;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import com.casecoding.common.problem.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Set;

/** Where the inbound-mail service posts the mails sent to the consult address. */
@Path("/api/consults/inbound")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "CaseConsultant inbound mail", description = "For the inbound-mail service, authenticated by a shared secret")
public class InboundMailResource {

    public static final String SECRET_HEADER = "X-Inbound-Secret";

    @Inject
    InboundMailService service;

    @Inject
    Validator validator;

    @POST
    @Operation(summary = "Receive one mail: a new consult, a reply to a thread, or a 'please register' answer",
            description = "For the inbound-mail service only, with the shared secret in X-Inbound-Secret instead of "
                    + "a token. From a sender known as a registered CaseConsultant user the mail joins the open "
                    + "thread its subject tags, else opens a new consult; an unknown sender gets at most one 'please "
                    + "register' reply a day and nothing of the mail is kept. 400 for a missing body or a sender "
                    + "without an e-mail address.")
    @APIResponse(responseCode = "202", description = "Handled; outcome says how")
    @APIResponse(responseCode = "401", description = "Missing or wrong X-Inbound-Secret")
    @APIResponse(responseCode = "503", description = "Inbound mail is not configured (no secret set)")
    public Response receive(@HeaderParam(SECRET_HEADER) String secret, ConsultRequests.InboundMail mail) {
        // the secret is checked before anything about the body is said
        service.authenticate(secret);
        if (mail == null) {
            throw ProblemException.badRequest("Send the mail as a JSON object with sender, subject and text.");
        }
        Set<ConstraintViolation<ConsultRequests.InboundMail>> violations = validator.validate(mail);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        InboundResult result = service.receive(mail);
        return Response.accepted(result).build();
    }
}
