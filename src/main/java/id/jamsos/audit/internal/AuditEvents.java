package id.jamsos.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the trail for the administrator page: bounded pages, newest first, never a count over the whole table. */
@Component
public class AuditEvents {

    public static final int PAGE_SIZE = 50;
    /** OFFSET paging gets slower the deeper it goes; beyond this, narrow the filter instead. */
    public static final int MAX_PAGE = 200;

    private static final String SELECT = """
            SELECT id, occurred_at, actor, action, target_type, target_id, ip_address, outcome,
                   (SELECT string_agg(key || '=' || value, ', ' ORDER BY key) FROM jsonb_each_text(details)) AS details
            FROM audit.audit_event
            WHERE (:action = '' OR action = :action)
              AND (:actor = '' OR actor ILIKE '%' || :actor || '%' ESCAPE '\\')
            ORDER BY occurred_at DESC, id DESC
            LIMIT :limit OFFSET :offset
            """;

    private final JdbcClient jdbc;

    AuditEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public AuditPage page(AuditFilter filter, int requestedPage) {
        int number = Math.max(1, Math.min(requestedPage, MAX_PAGE));
        // One row more than a page tells whether a next page exists without counting.
        List<AuditEventRow> rows = jdbc.sql(SELECT)
                .param("action", filter.action())
                .param("actor", escapeLike(filter.actor()))
                .param("limit", PAGE_SIZE + 1)
                .param("offset", (number - 1) * PAGE_SIZE)
                .query(AuditEvents::row)
                .list();
        boolean hasNext = rows.size() > PAGE_SIZE && number < MAX_PAGE;
        return new AuditPage(rows.subList(0, Math.min(rows.size(), PAGE_SIZE)), number, hasNext);
    }

    /** The actor filter is plain text: {@code %} and {@code _} typed by the administrator match themselves. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static AuditEventRow row(ResultSet rs, int rowNumber) throws SQLException {
        return new AuditEventRow(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getString("target_type"),
                rs.getString("target_id"), rs.getString("ip_address"), rs.getString("outcome"),
                rs.getString("details"));
    }
}
