package id.jamsos.notification.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox table: queued e-mails and their delivery state. */
@Repository
public class Outbox {

    private static final String COLUMNS = """
            id, recipient, language, template, subject, body_html, created_at, attempts, next_attempt_at, sent_at,
            last_error""";

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(OutboxEmail email) {
        jdbc.sql("""
                        INSERT INTO notification.outbox_email (id, recipient, language, template, subject, body_html,
                                                               created_at, attempts, next_attempt_at)
                        VALUES (:id, :recipient, :language, :template, :subject, :body, :createdAt, 0, :nextAttemptAt)
                        """)
                .param("id", email.id())
                .param("recipient", email.recipient())
                .param("language", email.language())
                .param("template", email.template())
                .param("subject", email.subject())
                .param("body", email.bodyHtml())
                .param("createdAt", Timestamp.from(email.createdAt()))
                .param("nextAttemptAt", Timestamp.from(email.nextAttemptAt()))
                .update();
    }

    /**
     * Locks up to {@code limit} messages due for delivery. {@code SKIP LOCKED} lets several instances send side by
     * side without sending anything twice; the locks hold until the caller's transaction ends.
     */
    List<OutboxEmail> lockDue(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM notification.outbox_email
                        WHERE sent_at IS NULL AND next_attempt_at <= :now
                        ORDER BY next_attempt_at
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(Outbox::map)
                .list();
    }

    void markSent(UUID id, Instant at) {
        jdbc.sql("UPDATE notification.outbox_email SET sent_at = :at, attempts = attempts + 1, last_error = NULL WHERE id = :id")
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    void markFailed(UUID id, Instant retryAt, String error) {
        String shortError = error == null ? "?" : error.length() > 1000 ? error.substring(0, 1000) : error;
        jdbc.sql("""
                        UPDATE notification.outbox_email
                           SET attempts = attempts + 1, next_attempt_at = :retryAt, last_error = :error
                         WHERE id = :id""")
                .param("retryAt", Timestamp.from(retryAt))
                .param("error", shortError)
                .param("id", id)
                .update();
    }

    /** Newest first, {@code size + 1} rows so the caller knows whether another page follows. */
    public List<OutboxEmail> newest(int offset, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification.outbox_email ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("limit", size + 1)
                .param("offset", offset)
                .query(Outbox::map)
                .list();
    }

    public Optional<OutboxEmail> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification.outbox_email WHERE id = :id")
                .param("id", id)
                .query(Outbox::map)
                .optional();
    }

    /** Backoff after the n-th failed attempt: 30 s, 1 min, 2 min, … at most an hour. The message is never dropped. */
    static Duration backoff(int failedAttempts) {
        int exponent = Math.min(Math.max(failedAttempts - 1, 0), 7);
        Duration delay = Duration.ofSeconds(30L << exponent);
        return delay.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : delay;
    }

    private static OutboxEmail map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new OutboxEmail(rs.getObject("id", UUID.class), rs.getString("recipient"), rs.getString("language"),
                rs.getString("template"), rs.getString("subject"), rs.getString("body_html"),
                rs.getTimestamp("created_at").toInstant(), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), sent == null ? null : sent.toInstant(),
                rs.getString("last_error"));
    }
}
