package com.casecoding.careers.jobs;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Marks postings past their valid-through date as expired (search already hides them by date). */
@ApplicationScoped
public class ExpiryJob {

    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);

    @Inject
    JobService jobs;

    @Scheduled(every = "{careers.expiry-interval}", delayed = "30s", identity = "careers-expiry",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int expired = jobs.expireDue();
        if (expired > 0) {
            LOG.infof("Expired %d job postings past their valid-through date", expired);
        }
    }
}
