package id.jamsos.employer;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An employer reported that a worker left (mutasi keluar); {@code endDate} is the last day worked. {@code
 * otherEmploymentActive} tells whether the member is still employed elsewhere (RULES.md §4: otherwise the membership
 * lapses).
 */
public record EmploymentEnded(long employmentId, long employerId, UUID memberId, LocalDate endDate,
                              boolean otherEmploymentActive) {
}
