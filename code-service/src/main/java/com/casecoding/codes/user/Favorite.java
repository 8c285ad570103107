package com.casecoding.codes.user;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A code a user starred. */
@Entity
@Table(name = "user_favorite")
public class Favorite extends UserCodeRow {
}
