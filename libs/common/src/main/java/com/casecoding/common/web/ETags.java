package com.casecoding.common.web;

import java.util.zip.CRC32C;

/**
 * Entity tags of JSON answers (RFC 9110, 8.8.3) and the {@code If-None-Match} check (13.1.2). A tag is the CRC-32C
 * and the length of the exact bytes sent: a few microseconds for a large page (the checksum is an intrinsic), strong
 * enough to tell two versions of one URL's answer apart.
 */
public final class ETags {

    private ETags() {
    }

    /** The strong entity tag of {@code body}, quoted as the header carries it. */
    public static String of(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body, 0, body.length);
        return "\"" + Long.toHexString(crc.getValue()) + '-' + Integer.toHexString(body.length) + '"';
    }

    /**
     * Whether {@code ifNoneMatch} (the header, possibly absent) names {@code etag}: {@code *}, or one of its
     * comma-separated tags equal to it by the weak comparison (a {@code W/} prefix is ignored), as a GET requires.
     */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*")) {
                return true;
            }
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
