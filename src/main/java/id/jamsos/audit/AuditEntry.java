package id.jamsos.audit;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One fact for the audit trail.
 *
 * @param actorAccountId the account that acted, or {@code null} when nobody is signed in
 * @param actor          how to name the actor to a reader (an e-mail address, "system", or a masked identifier)
 * @param action         a stable code such as {@code SIGN_IN} or {@code PASSWORD_CHANGED}
 * @param targetType     what kind of record was acted on ({@code ACCOUNT}, …), or {@code null}
 * @param targetId       which record, or {@code null}
 * @param ipAddress      the client address, or {@code null} for the system
 * @param outcome        whether it succeeded
 * @param details        short extra facts (never passwords or tokens)
 */
public record AuditEntry(UUID actorAccountId, String actor, String action, String targetType, String targetId,
                         String ipAddress, AuditOutcome outcome, Map<String, String> details) {

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        details = Map.copyOf(details == null ? Map.of() : details);
    }
}
