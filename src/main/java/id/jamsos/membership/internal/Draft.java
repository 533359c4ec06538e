package id.jamsos.membership.internal;

import id.jamsos.common.Gender;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An open application as its owner sees it. NIK and KK appear only masked: the full numbers are shown to officers
 * on the application page, never back to the browser that typed them.
 */
public record Draft(UUID id, String status, String maskedNik, String maskedKk, String fullName, String birthPlace,
                    LocalDate birthDate, Gender gender, String motherMaidenName, Instant updatedAt,
                    Instant submittedAt, LocalDate decisionDue, java.util.List<String> changesFields,
                    String changesMessage, Address address, String mobileNumber, Work work) {

    public Draft {
        changesFields = changesFields == null ? java.util.List.of() : java.util.List.copyOf(changesFields);
    }

    /** An officer sent it back for correction. */
    public boolean changesRequested() {
        return "CHANGES_REQUESTED".equals(status);
    }

    /** Sent and waiting for (or under) an officer's review: the member can no longer edit it. */
    public boolean submitted() {
        return "SUBMITTED".equals(status) || "IN_REVIEW".equals(status);
    }

    public boolean identityComplete() {
        return maskedNik != null && maskedKk != null && fullName != null && birthPlace != null && birthDate != null
                && gender != null && motherMaidenName != null && address != null && mobileNumber != null;
    }
}
