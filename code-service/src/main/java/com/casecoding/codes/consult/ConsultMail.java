package com.casecoding.codes.consult;

import java.util.UUID;

/**
 * A notification to send once the transaction that caused it has committed. Carries no case text, ever: only the
 * consult's id, subject and status.
 */
public record ConsultMail(Kind kind, String to, UUID consultId, String subject, ConsultStatus status) {

    public enum Kind {
        /** The consult was received (via the API or by mail). */
        RECEIVED,
        /** A consultant answered, or asked for more information (status waiting). */
        ANSWERED,
        /** Mail from an address we do not know: please register. */
        REGISTER
    }
}
