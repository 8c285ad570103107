package com.casecoding.careers.saved;

import com.casecoding.careers.config.CareersConfig;
import com.casecoding.careers.jobs.JobRequest;
import com.casecoding.careers.jobs.JobSearch;
import com.casecoding.careers.jobs.SearchResult;
import com.casecoding.common.list.Paging;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The e-mail digest of saved searches: for each search with digest on, the postings published since the last digest,
 * newest first. Runs on a schedule; the mailer logs instead of sending in dev and test ({@code quarkus.mailer.mock}).
 */
@ApplicationScoped
public class DigestService {

    private static final Logger LOG = Logger.getLogger(DigestService.class);

    @Inject
    Mailer mailer;
    @Inject
    JobSearch search;
    @Inject
    SavedService saved;
    @Inject
    CareersConfig config;

    @Scheduled(cron = "{careers.digest.cron}", identity = "careers-digest",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int sent = sendDigests();
        LOG.infof("Saved-search digest: %d e-mails sent", sent);
    }

    /** Sends every due digest; returns how many e-mails went out. */
    public int sendDigests() {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() ->
                SavedSearch.<SavedSearch>list("digest = true and email is not null").stream().map(s -> s.id).toList());
        int sent = 0;
        for (Long id : ids) {
            try {
                if (sendOne(id)) {
                    sent++;
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Digest of saved search %d failed; it will be retried next run", id);
            }
        }
        return sent;
    }

    private boolean sendOne(long id) {
        SavedSearch s = QuarkusTransaction.requiringNew().call(() -> SavedSearch.findById(id));
        if (s == null) {
            return false;
        }
        Instant since = s.lastNotifiedAt;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // the newest matches, at most maxPostings of them; the mail says how many more there are
        SearchResult matches = search.search(saved.criteria(s), JobSearch.Sort.NEWEST,
                new Paging(config.digest().maxPostings(), 0), false, since, null);
        // claim this run for the search (compare-and-set): with several instances, exactly one sends it
        long claimed = QuarkusTransaction.requiringNew().call(() ->
                SavedSearch.update("lastNotifiedAt = ?1 where id = ?2 and lastNotifiedAt = ?3", now, id, since));
        if (claimed == 0 || matches.items().isEmpty()) {
            return false;
        }
        try {
            mailer.send(mail(s, matches));
        } catch (RuntimeException e) {
            // give the postings back to the next run
            QuarkusTransaction.requiringNew().run(() ->
                    SavedSearch.update("lastNotifiedAt = ?1 where id = ?2 and lastNotifiedAt = ?3", since, id, now));
            throw e;
        }
        return true;
    }

    Mail mail(SavedSearch s, SearchResult matches) {
        String subject = matches.total() + " new " + (matches.total() == 1 ? "job" : "jobs") + " for \"" + s.name + "\"";
        StringBuilder text = new StringBuilder("New postings matching your saved search \"" + s.name + "\":\n\n");
        StringBuilder html = new StringBuilder("<p>New postings matching your saved search <strong>")
                .append(escape(s.name)).append("</strong>:</p><ul>");
        for (SearchResult.Hit hit : matches.items()) {
            String link = config.digest().jobLinkBase() + hit.id();
            String line = hit.title() + " - " + hit.employer().name() + " - " + where(hit) + salary(hit.salary());
            text.append("* ").append(line).append("\n  ").append(link).append("\n");
            html.append("<li><a href=\"").append(escape(link)).append("\">").append(escape(hit.title()))
                    .append("</a> - ").append(escape(hit.employer().name())).append(" - ")
                    .append(escape(where(hit) + salary(hit.salary()))).append("</li>");
        }
        if (matches.total() > matches.items().size()) {
            text.append("\n...and ").append(matches.total() - matches.items().size()).append(" more.\n");
            html.append("<li>...and ").append(matches.total() - matches.items().size()).append(" more.</li>");
        }
        html.append("</ul><p>You get this e-mail because digests are on for this saved search.</p>");
        text.append("\nYou get this e-mail because digests are on for this saved search.\n");
        return Mail.withText(s.email, subject, text.toString()).setHtml(html.toString()).setFrom(config.digest().from());
    }

    private static String where(SearchResult.Hit hit) {
        if ("remote".equals(hit.workplace())) {
            return "Remote";
        }
        JobRequest.Location l = hit.location();
        return (l.city() == null ? "" : l.city() + ", ") + (l.state() == null ? l.country() : l.state());
    }

    private static String salary(JobRequest.Salary s) {
        if (s == null) {
            return "";
        }
        return " - " + s.currency() + " " + s.min().toPlainString() + "-" + s.max().toPlainString() + " per " + s.period();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
