package id.jamsos.membership;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A NON_ACTIVE member is ACTIVE again from {@code on} with the same KPJ (RULES.md §4).
 *
 * @param byAccountId the officer who reactivated at a branch, or {@code null} when the platform did (a BPU member's
 *                    arrears settled online)
 */
public record MemberReactivated(UUID memberId, String kpj, LocalDate on, UUID byAccountId, String reason) {
}
