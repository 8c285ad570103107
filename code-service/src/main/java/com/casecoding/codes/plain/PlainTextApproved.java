package com.casecoding.codes.plain;

import com.casecoding.common.codes.CodeKey;

/** CDI event: an admin text became current, so readers that keep texts (the assistant's records) drop them. */
public record PlainTextApproved(CodeKey key, int version) {
}
