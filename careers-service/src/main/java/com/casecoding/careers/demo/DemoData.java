package com.casecoding.careers.demo;

import com.casecoding.careers.config.CareersConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Loads a handful of demo employers and postings at startup when {@code careers.demo-data=true}
 * (env {@code CAREERS_DEMO_DATA=true}; on by default in dev). Runs after Flyway, once: it skips when the demo
 * employers already have postings. Never part of the schema migrations.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    static final String SCRIPT = "db/demo/demo-postings.sql";

    @Inject
    CareersConfig config;
    @Inject
    DataSource dataSource;

    void onStart(@Observes StartupEvent event) {
        if (!config.demoData()) {
            return;
        }
        try (Connection conn = dataSource.getConnection(); Statement st = conn.createStatement()) {
            try (ResultSet rs = st.executeQuery(
                    "select count(*) from job_posting where employer_id like 'demo-employer-%'")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
            st.execute(script());
            LOG.info("Loaded CareerCenter demo postings (careers.demo-data=true)");
        } catch (SQLException e) {
            LOG.warnf("Demo postings were not loaded: %s", e.getMessage());
        }
    }

    private static String script() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
