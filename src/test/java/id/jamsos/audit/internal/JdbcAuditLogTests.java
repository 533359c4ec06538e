package id.jamsos.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.jamsos.audit.AuditEntry;
import id.jamsos.audit.AuditLog;
import id.jamsos.audit.AuditOutcome;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The trail is written completely and cannot be changed afterwards, not even by the application's own role. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class JdbcAuditLogTests {

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void recordsEveryFieldOfAnEntry() {
        UUID actorId = UUID.randomUUID();
        String targetId = UUID.randomUUID().toString();
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        auditLog.record(new AuditEntry(actorId, "petugas@jamsos.example", "MEMBER_READ", "MEMBER", targetId,
                "203.0.113.7", AuditOutcome.SUCCESS, Map.of("reason", "verification", "channel", "branch")));

        Map<String, Object> row = jdbc.sql("""
                        SELECT occurred_at, actor_account_id, actor, action, target_type, target_id, ip_address, outcome,
                               details ->> 'reason' AS reason, details ->> 'channel' AS channel,
                               (SELECT count(*) FROM jsonb_object_keys(details)) AS detail_count
                        FROM audit.audit_event WHERE target_id = :targetId""")
                .param("targetId", targetId)
                .query().singleRow();
        assertThat(row)
                .containsEntry("actor_account_id", actorId)
                .containsEntry("actor", "petugas@jamsos.example")
                .containsEntry("action", "MEMBER_READ")
                .containsEntry("target_type", "MEMBER")
                .containsEntry("ip_address", "203.0.113.7")
                .containsEntry("outcome", "SUCCESS")
                .containsEntry("reason", "verification")
                .containsEntry("channel", "branch")
                .containsEntry("detail_count", 2L);
        Instant occurredAt = jdbc.sql("SELECT occurred_at FROM audit.audit_event WHERE target_id = :targetId")
                .param("targetId", targetId).query(OffsetDateTime.class).single().toInstant();
        assertThat(occurredAt).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
    }

    @Test
    void recordsAnEntryWithoutActorOrTarget() {
        auditLog.record(new AuditEntry(null, null, "SYSTEM_STARTED", null, null, null, AuditOutcome.SUCCESS, null));

        assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'SYSTEM_STARTED' AND details = '{}'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void joinsTheCallersTransactionAndRollsBackWithIt() {
        String targetId = UUID.randomUUID().toString();

        transactions.executeWithoutResult(status -> {
            auditLog.record(new AuditEntry(null, "system", "ROLLED_BACK", "TEST", targetId, null,
                    AuditOutcome.FAILURE, Map.of()));
            status.setRollbackOnly();
        });

        assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE target_id = :targetId")
                .param("targetId", targetId).query(Long.class).single()).isZero();
    }

    @Test
    void refusesToUpdateAnEntry() {
        auditLog.record(denied("UPDATE_ME"));

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit.audit_event SET outcome = 'SUCCESS' WHERE action = 'UPDATE_ME'")
                .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .rootCause().hasMessageContaining("append-only: UPDATE is not allowed");
    }

    @Test
    void refusesToDeleteAnEntry() {
        auditLog.record(denied("DELETE_ME"));

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit.audit_event WHERE action = 'DELETE_ME'").update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .rootCause().hasMessageContaining("append-only: DELETE is not allowed");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'DELETE_ME'")
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void refusesToTruncateTheTrail() {
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit.audit_event").update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .rootCause().hasMessageContaining("append-only: TRUNCATE is not allowed");
    }

    private static AuditEntry denied(String action) {
        return new AuditEntry(null, "someone@example.id", action, "ACCOUNT", UUID.randomUUID().toString(),
                "198.51.100.1", AuditOutcome.DENIED, Map.of());
    }
}
