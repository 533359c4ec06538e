package id.jamsos.membership;

import id.jamsos.common.Rupiah;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An officer approved an application: the person is a member with a KPJ number from {@code activatedOn}, in a
 * segment with its programs (RULES.md §1). {@code programs} are named {@code JHT}, {@code JKK}, {@code JKM},
 * {@code JP}; {@code declaredIncome} is the BPU member's declared monthly income and null for PU, whose wage the
 * employer reports. Contributions enrol a BPU member from it; the ledger opens the JHT account.
 */
public record MemberActivated(UUID memberId, UUID accountId, String kpj, LocalDate activatedOn,
                              MemberCategory category, List<String> programs, Rupiah declaredIncome) {

    public MemberActivated {
        programs = List.copyOf(programs);
    }
}
