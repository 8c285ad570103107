package com.casecoding.careers.employers;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "employer_profile")
public class EmployerProfile extends PanacheEntityBase {

    @Id
    @Column(name = "account_id", length = 64)
    public String accountId;

    @Column(name = "organization_name", nullable = false, length = 200)
    public String organizationName;

    @Column(length = 500)
    public String website;

    @Column(columnDefinition = "text")
    public String about;

    @Column(name = "logo_url", length = 500)
    public String logoUrl;

    @Column(name = "contact_email", length = 320)
    public String contactEmail;

    @Column(nullable = false)
    public boolean verified;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
