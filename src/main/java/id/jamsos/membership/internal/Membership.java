package id.jamsos.membership.internal;

import id.jamsos.membership.MemberCategory;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A member as they see themselves: the KPJ number, the segment and its programs, the status and since when. */
public record Membership(UUID memberId, String fullName, String kpj, String status, LocalDate activatedOn,
                         String verifyToken, MemberCategory category, List<String> programs) {

    public Membership {
        programs = programs == null ? List.of() : List.copyOf(programs);
    }
}
