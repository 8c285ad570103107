package com.casecoding.codes.edits;

import java.math.BigDecimal;
import java.util.List;

/**
 * A Medicare payment locality with its geographic practice cost indices. The id is {@code MAC-locality}
 * (e.g. {@code 01112-54}); the locality number alone repeats across states.
 */
public record GpciEntry(String id, String mac, String state, String locality, String name, BigDecimal work,
                        BigDecimal pe, BigDecimal mp, List<String> counties, EditRelease release) {
}
