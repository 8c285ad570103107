package com.casecoding.common.web;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A GET whose JSON answer a client may keep and revalidate: {@link RevalidationFilter} gives its 200 an {@code ETag}
 * and {@code Cache-Control: private, no-cache}, and answers 304 without a body when {@code If-None-Match} names the
 * current tag. Mark the operation with {@code @Extension(name = Revalidated.EXTENSION, value = "true")} too: the
 * document then declares its 304, its {@code ETag} and {@code Cache-Control} and the {@code If-None-Match} parameter
 * ({@link RevalidatedOperations}).
 */
@NameBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Revalidated {

    /** The OpenAPI extension that marks a revalidated operation (removed from the served document). */
    String EXTENSION = "x-revalidated";
}
