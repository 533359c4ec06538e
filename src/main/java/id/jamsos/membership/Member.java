package id.jamsos.membership;

import java.time.LocalDate;
import java.util.UUID;

/** A member as other modules see them: no NIK, no documents. */
public record Member(UUID id, UUID accountId, String kpj, String fullName, MemberStatus status, LocalDate activatedOn) {
}
