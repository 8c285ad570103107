package com.casecoding.gateway.web;

import io.netty.util.NetUtil;

import java.util.Arrays;

/**
 * An IPv4 or IPv6 address, parsed from a literal only (never a DNS lookup). An IPv4-mapped IPv6 address
 * ({@code ::ffff:192.0.2.1}) is the IPv4 address it maps, so one client never has two spellings.
 */
public final class IpAddress {

    private final byte[] octets;
    private final String text;

    private IpAddress(byte[] octets) {
        this.octets = octets;
        this.text = NetUtil.bytesToIpAddress(octets);
    }

    /** The address written in {@code literal} (IPv4 dotted quad or IPv6, without brackets or port), or null. */
    public static IpAddress parse(String literal) {
        if (literal == null || literal.isEmpty() || literal.length() > 45) {
            return null;
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(literal);
        if (bytes == null) {
            return null;
        }
        return new IpAddress(unmapped(bytes));
    }

    static byte[] unmapped(byte[] bytes) {
        if (bytes.length != 16) {
            return bytes;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return bytes;
            }
        }
        if (bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
            return bytes;
        }
        return Arrays.copyOfRange(bytes, 12, 16);
    }

    public boolean ipv4() {
        return octets.length == 4;
    }

    byte[] octets() {
        return octets;
    }

    /** The canonical text (IPv6 compressed, lower case), as sent upstream in {@code X-Forwarded-For}. */
    public String text() {
        return text;
    }

    /**
     * What one client is counted as by the rate limits and throttles: the address for IPv4, its /64 network for IPv6
     * (one subscriber is normally given a whole /64, so counting single IPv6 addresses would let anyone start afresh
     * with every request).
     */
    public String bucket() {
        return ipv4() ? text : network(0, 64).toString();
    }

    /** The network of this address with the given prefix length (IPv4 or IPv6 prefix, whichever applies). */
    public Cidr network(int ipv4Prefix, int ipv6Prefix) {
        return Cidr.of(octets, ipv4() ? ipv4Prefix : ipv6Prefix);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress other && Arrays.equals(octets, other.octets);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(octets);
    }

    @Override
    public String toString() {
        return text;
    }
}
