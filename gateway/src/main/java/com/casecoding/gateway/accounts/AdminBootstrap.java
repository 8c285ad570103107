package com.casecoding.gateway.accounts;

import com.casecoding.gateway.config.GatewayConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Creates (or promotes) the first administrator from GATEWAY_ADMIN_EMAIL / GATEWAY_ADMIN_PASSWORD at start. */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    @Inject
    GatewayConfig config;
    @Inject
    AuthService auth;
    @Inject
    PasswordPolicy policy;

    void onStart(@Observes StartupEvent event) {
        var email = config.admin().email().filter(s -> !s.isBlank());
        var password = config.admin().password().filter(s -> !s.isBlank());
        if (email.isEmpty() || password.isEmpty()) {
            return;
        }
        policy.check(password.get(), email.get());
        Account admin = auth.ensureAdmin(email.get(), password.get());
        LOG.infof("Administrator account ready: %s", admin.email);
    }
}
