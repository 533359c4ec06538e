package id.jamsos.audit.internal;

import id.jamsos.audit.AuditEntry;
import id.jamsos.audit.AuditLog;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes audit events to {@code audit.audit_event}. Joins the caller's transaction, so an action and its audit
 * record commit or roll back together; a caller that needs a failure recorded despite a rollback must call this
 * outside the failing transaction.
 */
@Component
class JdbcAuditLog implements AuditLog {

    private static final String INSERT = """
            INSERT INTO audit.audit_event
                (occurred_at, actor_account_id, actor, action, target_type, target_id, ip_address, outcome, details)
            VALUES (:occurredAt, :actorAccountId, :actor, :action, :targetType, :targetId, :ipAddress, :outcome,
                    CAST(:details AS jsonb))
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    JdbcAuditLog(JdbcClient jdbc, Clock clock, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEntry entry) {
        jdbc.sql(INSERT)
                .param("occurredAt", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("actorAccountId", entry.actorAccountId())
                .param("actor", entry.actor())
                .param("action", entry.action())
                .param("targetType", entry.targetType())
                .param("targetId", entry.targetId())
                .param("ipAddress", entry.ipAddress())
                .param("outcome", entry.outcome().name())
                // Sorted keys: the same facts always produce the same JSON text, which makes trails easy to compare.
                .param("details", json.writeValueAsString(new TreeMap<>(entry.details())))
                .update();
    }
}
