package com.casecoding.systemtests;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static com.casecoding.systemtests.Flows.at;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CaseConsultant end to end through the gateway: submit with an instant draft, a consultant claims and answers, the
 * user gets the e-mail (through a real SMTP server), replies, and the consult closes.
 */
class ConsultLoopIT {

    static Platform platform;
    static String gateway;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.get();
        gateway = platform.gateway.url();
    }

    private static boolean mailTo(String address, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage m : platform.mail.getReceivedMessages()) {
                if (Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address))) {
                    return true;
                }
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static long mailsTo(String address) throws Exception {
        long n = 0;
        for (MimeMessage m : platform.mail.getReceivedMessages()) {
            if (Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address))) {
                n++;
            }
        }
        return n;
    }

    @Test
    void submitDraftAnswerMailReplyClose() throws Exception {
        Flows.Account coder = Flows.register(gateway, "coder");
        String id = at(gateway, coder.token())
                .body(Map.of("subject", "Bilateral knee injection",
                        "question", "Which modifier applies when both knees are injected at one visit?",
                        "caseText", "Osteoarthritis of both knees. No fracture on x-ray. Denies fever.",
                        "codes", List.of("20610")))
                .post("/api/consults").then().statusCode(201)
                .body("draft", notNullValue())
                .extract().path("id");
        assertTrue(mailTo(coder.email(), 20_000), "the 'received' e-mail reaches the user");
        long before = mailsTo(coder.email());

        Flows.Account expert = Flows.register(gateway, "coder");
        String consultant = Flows.grant(gateway, expert, "coder", "consultant");
        at(gateway, consultant).get("/api/consults/queue").then().statusCode(200);
        at(gateway, coder.token()).get("/api/consults/queue").then().statusCode(403);
        at(gateway, consultant).post("/api/consults/" + id + "/claim").then().statusCode(200);
        at(gateway, consultant).body(Map.of("body", "Report 20610 with modifier 50 (or RT and LT per payer).",
                        "fromDraft", true))
                .post("/api/consults/" + id + "/answer").then().statusCode(200);
        long deadline = System.currentTimeMillis() + 20_000;
        while (mailsTo(coder.email()) <= before && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(mailsTo(coder.email()) > before, "the 'answered' e-mail reaches the user");

        at(gateway, coder.token()).body(Map.of("body", "Thanks, that settles it."))
                .post("/api/consults/" + id + "/messages").then().statusCode(200);
        at(gateway, coder.token()).post("/api/consults/" + id + "/close").then().statusCode(200)
                .body("status", equalTo("closed"));

        // nobody else reads it
        Flows.Account stranger = Flows.register(gateway, "coder");
        at(gateway, stranger.token()).get("/api/consults/" + id).then().statusCode(org.hamcrest.Matchers.oneOf(403, 404));
    }
}
