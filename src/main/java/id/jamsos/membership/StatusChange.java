package id.jamsos.membership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One entry of a member's status history: a lapse or a reactivation, who decided it, when and why. */
public record StatusChange(MemberStatus status, LocalDate effective, String reason, UUID byAccountId, String byActor,
                           Instant recordedAt) {
}
