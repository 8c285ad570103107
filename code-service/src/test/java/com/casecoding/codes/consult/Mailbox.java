package com.casecoding.codes.consult;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Reads what GreenMail received: waits for mails to one address whose subject contains a text. The wait is long on
 * purpose: in a full module run a send sometimes stalls (not understood yet; isolated runs deliver within a second);
 * the mailer gives up on such an attempt after {@code consults.mail-attempt-timeout} and sends again.
 */
final class Mailbox {

    record Mail(String to, String subject, String body) {
    }

    private Mailbox() {
    }

    static List<Mail> to(String address) {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage m : GreenMailResource.server().getReceivedMessages()) {
            try {
                boolean forAddress = Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().toLowerCase().contains(address.toLowerCase()));
                if (forAddress) {
                    mails.add(new Mail(address, m.getSubject(), content(m)));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return mails;
    }

    static Mail await(String address, String subjectPart) {
        long deadline = System.currentTimeMillis() + 75_000;
        while (System.currentTimeMillis() < deadline) {
            for (Mail m : to(address)) {
                if (m.subject().contains(subjectPart)) {
                    return m;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("No mail to " + address + " with a subject containing '" + subjectPart + "'; got " + to(address));
        return null;
    }

    static long count(String address, String subjectPart) {
        return to(address).stream().filter(m -> m.subject().contains(subjectPart)).count();
    }

    private static String content(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multi) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multi.getCount(); i++) {
                all.append(content(multi.getBodyPart(i))).append('\n');
            }
            return all.toString();
        }
        return String.valueOf(content);
    }
}
