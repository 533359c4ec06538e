package id.jamsos.membership.internal;

import id.jamsos.common.Gender;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An application as the officer deciding it sees it: the full NIK and KK are shown here, and every view is audited. */
public record ApplicationView(UUID id, UUID accountId, String status, String nik, String kk, String fullName,
                              String birthPlace, LocalDate birthDate, Gender gender, String motherMaidenName,
                              Instant submittedAt, LocalDate decisionDue, UUID claimedBy, String claimedByName,
                              Instant claimedAt, Address address, String mobileNumber, String email,
                              Work work) {
}
