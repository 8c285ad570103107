package com.casecoding.gateway.web;

import com.casecoding.gateway.config.GatewayConfig;
import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The address of the client a request comes from: the one place the rate limits, the login throttle, guest issuance
 * and binding, and the {@code X-Forwarded-For} the gateway sends upstream take it from.
 * <p>
 * Without trusted proxies ({@code gateway.trusted-proxies}, empty by default) it is the connection's peer, and no
 * forwarding header is believed: a client could write anything there. When the peer is a trusted proxy (the Ingress
 * controller, a load balancer), the configured header ({@code gateway.forwarded-header}: {@code x-forwarded-for},
 * the default, or RFC 7239 {@code forwarded}; only one, since a proxy that writes one usually passes the other through
 * from the client untouched) is read from right to left: each proxy appends the address it was connected from, so the
 * first address that is not a trusted proxy is the client. Entries left of it were written by the client and are
 * ignored. An entry that is no address (garbage, {@code unknown}, an obfuscated RFC 7239 name) ends the walk at the
 * last trusted hop. Created at start, so a wrong setting stops the start instead of failing requests.
 */
@Singleton
@Startup
public class ClientAddress {

    /** Hops read from the right at most; a longer chain is cut there (the header size is bounded anyway). */
    static final int MAX_HOPS = 20;
    /** Where a request has no IP peer (a Unix socket): all such requests count as one client. */
    static final IpAddress UNSPECIFIED = IpAddress.parse("0.0.0.0");

    public enum Header {
        X_FORWARDED_FOR("X-Forwarded-For"), FORWARDED("Forwarded");

        final String name;

        Header(String name) {
            this.name = name;
        }

        static Header of(String configured) {
            return switch (configured.trim().toLowerCase(Locale.ROOT)) {
                case "x-forwarded-for" -> X_FORWARDED_FOR;
                case "forwarded" -> FORWARDED;
                default -> throw new IllegalArgumentException("gateway.forwarded-header must be x-forwarded-for or "
                        + "forwarded, not '" + configured + "'");
            };
        }
    }

    private final Cidr[] trusted;
    private final Header header;

    @Inject
    public ClientAddress(GatewayConfig config) {
        this(config.trustedProxies().orElse(List.of()), config.forwardedHeader());
    }

    ClientAddress(List<String> trustedProxies, String header) {
        List<Cidr> ranges = new ArrayList<>();
        for (String range : trustedProxies) {
            if (!range.isBlank()) {
                try {
                    ranges.add(Cidr.parse(range));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("gateway.trusted-proxies: " + e.getMessage(), e);
                }
            }
        }
        this.trusted = ranges.toArray(Cidr[]::new);
        this.header = Header.of(header);
    }

    /** The client of {@code request}. */
    public IpAddress of(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        IpAddress peer = remote == null ? null : IpAddress.parse(remote.hostAddress());
        if (peer == null) {
            return UNSPECIFIED;
        }
        if (trusted.length == 0 || !trusted(peer)) {
            return peer;
        }
        return resolve(peer, request.headers().getAll(header.name));
    }

    /** The client behind the trusted {@code peer}, given the values of the forwarding header (in header order). */
    IpAddress resolve(IpAddress peer, List<String> headerValues) {
        List<String> hops = new ArrayList<>();
        for (String value : headerValues) {
            if (header == Header.FORWARDED) {
                forwardedFor(value, hops);
            } else {
                for (String hop : value.split(",")) {
                    hops.add(hop.trim());
                }
            }
        }
        IpAddress client = peer;
        for (int i = hops.size() - 1, read = 0; i >= 0 && read < MAX_HOPS; i--, read++) {
            IpAddress hop = hop(hops.get(i));
            if (hop == null) {
                return client;
            }
            client = hop;
            if (!trusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean trusted(IpAddress address) {
        for (Cidr range : trusted) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The {@code for=} value of each element of an RFC 7239 {@code Forwarded} header ("" when an element has none). */
    static void forwardedFor(String value, List<String> out) {
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i <= value.length(); i++) {
            char c = i < value.length() ? value.charAt(i) : ',';
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                String element = value.substring(start, i);
                String forValue = "";
                for (String pair : element.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).trim().equalsIgnoreCase("for")) {
                        forValue = pair.substring(eq + 1).trim();
                    }
                }
                out.add(forValue);
                start = i + 1;
            }
        }
    }

    /**
     * One hop as proxies write it: an address, optionally quoted, an IPv6 address in brackets, either with a port
     * ({@code 192.0.2.1:4711}, {@code "[2001:db8::1]:4711"}). Null when it is no address.
     */
    static IpAddress hop(String raw) {
        String value = raw.trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1).trim();
        }
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? null : IpAddress.parse(value.substring(1, end));
        }
        int colon = value.indexOf(':');
        if (colon > 0 && colon == value.lastIndexOf(':')) {
            value = value.substring(0, colon);
        }
        return IpAddress.parse(value);
    }
}
