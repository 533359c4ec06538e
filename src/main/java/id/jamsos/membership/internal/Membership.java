package id.jamsos.membership.internal;

import java.time.LocalDate;
import java.util.UUID;

/** A member as they see themselves: the KPJ number, the status and since when. */
public record Membership(UUID memberId, String fullName, String kpj, String status, LocalDate activatedOn,
                         String verifyToken) {
}
