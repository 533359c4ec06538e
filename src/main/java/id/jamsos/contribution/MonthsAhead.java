package id.jamsos.contribution;

import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What an informal worker (BPU) would owe for months not billed yet, so they can pay 1, 3, 6 or 12 months ahead
 * (RULES.md §3). The amounts come from {@link ContributionRule} at the income and programs the member is enrolled on.
 */
public interface MonthsAhead {

    /** One month ahead and its contribution. */
    record MonthAhead(Period period, Rupiah amount) {
    }

    /**
     * The {@code months} months after the later of the month of {@code on} and the latest month billed to the
     * member, each at the enrolment in force; empty when the member is not enrolled as an informal worker. Refused
     * (InvalidValue) when the enrolled income lies outside the bounds in force for a month.
     */
    List<MonthAhead> monthsAhead(UUID memberId, LocalDate on, int months);
}
