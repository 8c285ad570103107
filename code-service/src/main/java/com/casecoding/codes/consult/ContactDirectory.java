package com.casecoding.codes.consult;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which account (token subject) had which e-mail address when last seen with a token on the consult endpoints.
 * Code-service never reads the gateway's accounts: this table is how inbound mail finds its sender and how
 * notifications find the owner's current address.
 */
@ApplicationScoped
public class ContactDirectory {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void remember(Caller caller) {
        if (!caller.registered() || caller.sub() == null) {
            return;
        }
        em.createNativeQuery("""
                        insert into consult_contact (subject, email, last_seen) values (?1, ?2, ?3)
                        on conflict (subject) do update set email = excluded.email, last_seen = excluded.last_seen
                        """)
                .setParameter(1, caller.sub())
                .setParameter(2, caller.email())
                .setParameter(3, Instant.now())
                .executeUpdate();
    }

    /** The current address of an account, if it ever used the consult endpoints. */
    public Optional<String> emailOf(String subject) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("select email from consult_contact where subject = ?1")
                .setParameter(1, subject).getResultList();
        return rows.stream().findFirst();
    }

    /** The account last seen with this address (case-insensitive), if any. */
    public Optional<String> subjectOf(String email) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("""
                        select subject from consult_contact where lower(email) = ?1 order by last_seen desc limit 1
                        """)
                .setParameter(1, email.toLowerCase(Locale.ROOT)).getResultList();
        return rows.stream().findFirst();
    }
}
