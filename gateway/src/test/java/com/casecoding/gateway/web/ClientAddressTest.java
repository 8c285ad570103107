package com.casecoding.gateway.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientAddressTest {

    private static final IpAddress INGRESS = IpAddress.parse("10.42.0.7");
    private final ClientAddress behindIngress = new ClientAddress(List.of("10.42.0.0/16"), "x-forwarded-for");

    @Test
    void theClientIsTheFirstAddressFromTheRightThatIsNoTrustedProxy() {
        // the client wrote 1.2.3.4 itself; the ingress appended the address it was connected from
        assertEquals("198.51.100.23", behindIngress.resolve(INGRESS, List.of("1.2.3.4, 198.51.100.23")).text());
        // two trusted hops (a load balancer in front of the ingress)
        assertEquals("198.51.100.23",
                behindIngress.resolve(INGRESS, List.of("6.6.6.6, 198.51.100.23, 10.42.3.3")).text());
        // several header lines are one list, in order
        assertEquals("198.51.100.23", behindIngress.resolve(INGRESS, List.of("6.6.6.6", "198.51.100.23")).text());
    }

    @Test
    void withoutTheHeaderOrWithGarbageTheLastTrustedHopIsAllThatIsKnown() {
        assertEquals(INGRESS, behindIngress.resolve(INGRESS, List.of()));
        assertEquals("10.42.3.3", behindIngress.resolve(INGRESS, List.of("not-an-ip, 10.42.3.3")).text());
        assertEquals("10.42.3.3", behindIngress.resolve(INGRESS, List.of("evil.example, 10.42.3.3")).text());
        assertEquals(INGRESS, behindIngress.resolve(INGRESS, List.of("")));
    }

    @Test
    void portsBracketsAndQuotesAreUnderstood() {
        assertEquals("198.51.100.23", behindIngress.resolve(INGRESS, List.of("198.51.100.23:4711")).text());
        assertEquals("2001:db8::17", behindIngress.resolve(INGRESS, List.of("[2001:db8::17]:4711")).text());
        assertEquals("2001:db8::17", behindIngress.resolve(INGRESS, List.of("2001:DB8:0::17")).text());
        // an IPv4-mapped IPv6 address is the IPv4 address
        assertEquals("198.51.100.23", behindIngress.resolve(INGRESS, List.of("::ffff:198.51.100.23")).text());
    }

    @Test
    void rfc7239ForwardedIsReadWhenConfigured() {
        ClientAddress forwarded = new ClientAddress(List.of("10.42.0.0/16"), "forwarded");
        assertEquals("2001:db8:cafe::17", forwarded.resolve(INGRESS,
                List.of("for=192.0.2.60;proto=http;by=203.0.113.43, for=\"[2001:db8:cafe::17]:4711\"")).text());
        // a comma inside a quoted value does not start a new element
        assertEquals("198.51.100.9", forwarded.resolve(INGRESS,
                List.of("for=\"6.6.6.6, for=10.42.9.9\", for=198.51.100.9")).text());
        // an obfuscated identifier or "unknown" ends the walk at the last trusted hop
        assertEquals(INGRESS, forwarded.resolve(INGRESS, List.of("for=_hidden")));
        assertEquals(INGRESS, forwarded.resolve(INGRESS, List.of("for=unknown")));
        assertEquals(INGRESS, forwarded.resolve(INGRESS, List.of("proto=https")));
    }

    @Test
    void onlyTheConfiguredHeaderIsTrustedAndOnlyFromTrustedPeers() {
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of(), "x-real-ip"));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("10.0.0.0/33"), "forwarded"));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("ingress.local"), "forwarded"));
    }

    @Test
    void aLongChainIsReadOnlySoFar() {
        String chain = String.join(", ", java.util.Collections.nCopies(100, "10.42.1.1"));
        assertEquals("10.42.1.1", behindIngress.resolve(INGRESS, List.of("6.6.6.6, " + chain)).text());
    }

    @Test
    void addressesAndRanges() {
        assertNull(IpAddress.parse("localhost"));
        assertNull(IpAddress.parse("256.1.1.1"));
        assertNull(IpAddress.parse(""));
        Cidr net = Cidr.parse("203.0.113.77/24");
        assertEquals("203.0.113.0/24", net.toString());
        assertTrue(net.contains(IpAddress.parse("203.0.113.200")));
        assertFalse(net.contains(IpAddress.parse("203.0.114.1")));
        assertFalse(net.contains(IpAddress.parse("2001:db8::1")));
        assertTrue(Cidr.parse("10.0.0.0/8").contains(IpAddress.parse("10.255.1.2")));
        assertTrue(Cidr.parse("0.0.0.0/0").contains(IpAddress.parse("8.8.8.8")));
        assertTrue(Cidr.parse("2001:db8::/33").contains(IpAddress.parse("2001:db8:7fff::1")));
        assertFalse(Cidr.parse("2001:db8::/33").contains(IpAddress.parse("2001:db8:8000::1")));
        assertEquals("198.51.100.0/24", IpAddress.parse("198.51.100.7").network(24, 48).toString());
        assertEquals("2001:db8:1::/48", IpAddress.parse("2001:db8:1:2::9").network(24, 48).toString());
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        assertEquals(IpAddress.parse("2001:db8:1:2::1").bucket(), IpAddress.parse("2001:db8:1:2:ffff::9").bucket());
        assertFalse(IpAddress.parse("2001:db8:1:2::1").bucket().equals(IpAddress.parse("2001:db8:1:3::1").bucket()));
        assertEquals("198.51.100.7", IpAddress.parse("198.51.100.7").bucket());
    }
}
