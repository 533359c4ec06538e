package id.jamsos.membership;

import java.time.Instant;
import java.util.UUID;

/** One value set for a member's field, with who set it, when and why; the latest per field is in force. */
public record DetailChange(MemberField field, String value, String reason, UUID byAccountId, String byActor,
                           Instant changedAt) {
}
