package id.jamsos.membership;

import java.time.LocalDate;
import java.util.UUID;

/** A member became NON_ACTIVE on {@code on}. */
public record MemberLapsed(UUID memberId, String kpj, LapseReason reason, LocalDate on) {
}
