package id.jamsos.membership;

import id.jamsos.common.Kpj;
import id.jamsos.common.Nik;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** What other modules ask of the member register. */
public interface Members {

    Optional<Member> byId(UUID memberId);

    Optional<Member> byKpj(Kpj kpj);

    /** Found by the keyed hash of the NIK; the NIK itself is never compared in clear. */
    Optional<Member> byNik(Nik nik);

    Optional<Member> byAccount(UUID accountId);

    /**
     * Makes an active member NON_ACTIVE, publishes {@link MemberLapsed} and tells them by e-mail, in the caller's
     * transaction. Answers false (and does nothing) when the member was not active.
     */
    boolean lapse(UUID memberId, LapseReason reason, LocalDate on);
}
