package com.casecoding.careers.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The digest's sender and link base follow the environment a deployment sets (the k8s overlays set
 * CAREERS_MAIL_FROM, CAREERS_JOB_LINK_BASE and the platform-wide QUARKUS_MAILER_FROM); the built-in casecoding.com
 * values are only what is left when nothing is set. Reads the service's real application.properties in the prod
 * profile with environment variables as their own (higher-ordinal) source, as Quarkus does (names as CareersConfig
 * maps them).
 */
class MailSettingsTest {

    private static SmallRyeConfig config(Map<String, String> env) throws IOException {
        URL properties = MailSettingsTest.class.getClassLoader().getResource("application.properties");
        return new SmallRyeConfigBuilder()
                .withProfile("prod")
                .withSources(new PropertiesConfigSource(properties, 250))
                .withSources(new EnvConfigSource(env, 300))
                .build();
    }

    @Test
    void theDigestSendsFromCareersMailFrom() throws IOException {
        SmallRyeConfig c = config(Map.of("CAREERS_MAIL_FROM", "Jobs <jobs@clinic.example>",
                "QUARKUS_MAILER_FROM", "Platform <no-reply@clinic.example>"));
        assertEquals("Jobs <jobs@clinic.example>", c.getValue("careers.digest.from", String.class));
    }

    @Test
    void withoutCareersMailFromTheDigestSendsFromThePlatformSender() throws IOException {
        SmallRyeConfig c = config(Map.of("QUARKUS_MAILER_FROM", "Platform <no-reply@clinic.example>"));
        assertEquals("Platform <no-reply@clinic.example>", c.getValue("careers.digest.from", String.class));
        assertEquals("Platform <no-reply@clinic.example>", c.getValue("quarkus.mailer.from", String.class));
    }

    @Test
    void postingLinksStartWithTheConfiguredBase() throws IOException {
        SmallRyeConfig c = config(Map.of("CAREERS_JOB_LINK_BASE", "https://clinic.example/careers/jobs/"));
        assertEquals("https://clinic.example/careers/jobs/", c.getValue("careers.digest.job-link-base", String.class));
    }

    @Test
    void theMailerSendsFromTheDigestSenderWhenOnlyCareersMailFromIsSet() throws IOException {
        SmallRyeConfig c = config(Map.of("CAREERS_MAIL_FROM", "Jobs <jobs@clinic.example>"));
        assertEquals("Jobs <jobs@clinic.example>", c.getValue("quarkus.mailer.from", String.class));
    }
}
