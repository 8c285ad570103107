package com.casecoding.careers.employers;

/**
 * An employer's organisation name changed. Fired inside the transaction of the change (synchronous CDI event), so
 * packages that keep a copy of the name (the postings, for keyword search) update it in the same transaction without
 * employers having to know them.
 */
public record EmployerRenamed(String accountId, String organizationName) {
}
