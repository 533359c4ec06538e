package id.jamsos.membership.internal;

import id.jamsos.membership.MemberCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One line of the officers' queue. {@code late}: past its decision date; {@code dueSoon}: due within one working day. */
public record QueueItem(UUID id, String fullName, String status, Instant submittedAt, LocalDate decisionDue,
                        String claimedByName, boolean claimedByMe, boolean late, boolean dueSoon,
                        MemberCategory category) {
}
