package com.casecoding.gateway.quota;

import com.casecoding.common.security.ViewGrantKeys;
import com.casecoding.common.security.ViewGrants;
import com.casecoding.gateway.config.GatewayConfig;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Signs the view grants the quota filter sends to code-service with each allowed code page view ({@link ViewGrants}:
 * HMAC-SHA256 under the key shared with code-service, a few microseconds each, so every view gets a fresh one). The keys
 * come from {@code casecoding.view-grant.key-dir} ({@code CASECODING_VIEW_GRANT_KEY_DIR}); the active one
 * ({@code casecoding.view-grant.active-kid}, default the newest file name) signs. Without a usable key the gateway does
 * not start: code pages could not be served.
 */
@Singleton
@Startup
public class ViewGrantIssuer {

    private static final Logger LOG = Logger.getLogger(ViewGrantIssuer.class);

    private final ViewGrants grants;
    private final long ttlSeconds;
    Clock clock = Clock.systemUTC();

    @Inject
    public ViewGrantIssuer(GatewayConfig config,
                           @ConfigProperty(name = "casecoding.view-grant.key-dir") Optional<String> keyDir,
                           @ConfigProperty(name = "casecoding.view-grant.active-kid") Optional<String> activeKid) {
        String dir = keyDir.filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "No view grant key: set CASECODING_VIEW_GRANT_KEY_DIR to a folder with one key file (at least 32 random"
                        + " bytes in Base64), the same folder code-service reads"));
        ViewGrantKeys keys = ViewGrantKeys.load(Path.of(dir), activeKid);
        this.grants = new ViewGrants(keys);
        this.ttlSeconds = Math.max(1, config.jwt().grantTtl().toSeconds());
        LOG.infof("View grant keys loaded: %s (signing with %s)", keys.kids(), keys.activeKid());
    }

    /**
     * A grant stating that {@code subject}'s view of {@code codeKey} was counted or is free, with the caller's view meter
     * after it (code-service shows it in the page); call it only for those views.
     */
    public String grant(String subject, String codeKey, ViewGrants.Meter meter) {
        return grants.sign(subject, codeKey, clock.millis() / 1000, ttlSeconds, meter);
    }
}
