package id.jamsos.employer;

import java.time.LocalDate;
import java.util.UUID;

/** An employer registered a worker (mutasi masuk): the member is employed from {@code startDate}. */
public record EmploymentStarted(long employmentId, long employerId, UUID memberId, LocalDate startDate) {
}
