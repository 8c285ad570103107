package com.casecoding.codes.access;

import com.casecoding.common.security.ViewGrantKeys;
import com.casecoding.common.security.ViewGrants;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The view grant keys code-service accepts, read at start from {@code casecoding.view-grant.key-dir}
 * ({@code CASECODING_VIEW_GRANT_KEY_DIR}): every key there is accepted, so a rotation adds the new key here first. With
 * grants required ({@code code-page.require-view-grant}, default true) and no usable key the service does not start,
 * except as the import command ({@code codes.import-and-exit}), which serves no code page. (A bean of its own: REST
 * filters are made before the runtime configuration is read.)
 */
@ApplicationScoped
@Startup
public class ViewGrantVerifier {

    private final boolean required;
    private final ViewGrants grants;

    @Inject
    public ViewGrantVerifier(@ConfigProperty(name = "code-page.require-view-grant", defaultValue = "true") boolean required,
                             @ConfigProperty(name = "casecoding.view-grant.key-dir") Optional<String> keyDir,
                             @ConfigProperty(name = "casecoding.view-grant.active-kid") Optional<String> activeKid,
                             @ConfigProperty(name = "codes.import-and-exit", defaultValue = "false") boolean importOnly) {
        this.required = required;
        Optional<String> dir = keyDir.filter(s -> !s.isBlank());
        if (!required || (importOnly && dir.isEmpty())) {
            this.grants = null;
            return;
        }
        this.grants = new ViewGrants(ViewGrantKeys.load(Path.of(dir.orElseThrow(() -> new IllegalStateException(
                "Code pages need the gateway's view grant, but no key is configured: set CASECODING_VIEW_GRANT_KEY_DIR"
                        + " to the folder of view grant keys the gateway uses (or code-page.require-view-grant=false"
                        + " where nothing but the gateway can reach this service's code pages)"))), activeKid));
    }

    /** Whether code pages need a grant here. */
    public boolean required() {
        return required;
    }

    /**
     * The claims of a genuine, unexpired grant; empty for anything else, and for every grant when this instance holds
     * no key (the import command).
     */
    public Optional<ViewGrants.Grant> verify(String grant, long nowEpochSeconds) {
        return grants == null ? Optional.empty() : grants.verify(grant, nowEpochSeconds);
    }
}
