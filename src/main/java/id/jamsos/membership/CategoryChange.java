package id.jamsos.membership;

import id.jamsos.common.Rupiah;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One entry of a member's segment history: moved from one segment to the other from {@code effective}, with the
 * programs (and, for BPU, the declared income) taken on, who decided it ({@code null} account: the platform) and why.
 */
public record CategoryChange(MemberCategory from, MemberCategory to, List<String> programs, Rupiah declaredIncome,
                             LocalDate effective, String reason, UUID byAccountId, String byActor, Instant recordedAt) {

    public CategoryChange {
        programs = List.copyOf(programs);
    }
}
