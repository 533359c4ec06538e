package id.jamsos.audit.internal;

import java.time.Instant;

/** One audit event as a reader sees it; {@code details} is already flattened to {@code key=value, …}. */
public record AuditEventRow(long id, Instant occurredAt, String actor, String action, String targetType,
                            String targetId, String ipAddress, String outcome, String details) {
}
