package id.jamsos.employer;

import java.time.LocalDate;

/** One employment of a member, as an officer's view of the member shows it; {@code endDate} null while it lasts. */
public record MemberEmployment(long employerId, String npp, String employerName, LocalDate startDate,
                               LocalDate endDate, String jobTitle) {
}
