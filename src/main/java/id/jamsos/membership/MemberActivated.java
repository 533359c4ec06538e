package id.jamsos.membership;

import java.time.LocalDate;
import java.util.UUID;

/** An officer approved an application: the person is a member with a KPJ number from {@code activatedOn}. */
public record MemberActivated(UUID memberId, UUID accountId, String kpj, LocalDate activatedOn) {
}
