package com.casecoding.careers.saved;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

@Entity
@Table(name = "saved_job")
public class SavedJob extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "saved_at", nullable = false)
    public Instant savedAt;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "account_id", length = 64)
        public String accountId;
        @Column(name = "posting_id")
        public Long postingId;

        public Key() {
        }

        public Key(String accountId, Long postingId) {
            this.accountId = accountId;
            this.postingId = postingId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(accountId, k.accountId) && Objects.equals(postingId, k.postingId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, postingId);
        }
    }
}
