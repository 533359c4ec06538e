package id.jamsos.contribution;

import id.jamsos.common.Period;
import id.jamsos.common.Rate;
import id.jamsos.common.Rupiah;
import id.jamsos.common.WorkingDays;
import java.time.LocalDate;

/**
 * Due dates and late penalties (RULES.md §4). The day of the month and the penalty rate come from the rates in force;
 * the calendar from the holiday table.
 */
public final class LatePenaltyRule {

    /** Contributions are due on this day of the month (PP 44/2015 art. 20, PP 46/2015, PP 45/2015: the 15th). */
    private static final int DUE_DAY_OF_MONTH = 15;

    private LatePenaltyRule() {
    }

    /**
     * PU: month M is due on the 15th of M+1; BPU: on the 15th of M. A due date on a weekend or holiday moves to the
     * next working day.
     */
    public static LocalDate dueDate(Category category, Period period, WorkingDays workingDays) {
        Period dueMonth = category == Category.PU ? period.next() : period;
        return workingDays.plus(dueMonth.month().atDay(DUE_DAY_OF_MONTH), 0);
    }

    /**
     * Months late = monthly steps started after the due date: paid on the due date → 0; from the next day up to the
     * same day one month later → 1; and so on (RULES.md §4 ▶). A step ending on a day the month lacks (31 → 30) ends
     * on the month's last day, as {@link LocalDate#plusMonths} does.
     */
    public static int monthsLate(LocalDate dueDate, LocalDate paidOn) {
        int months = 0;
        while (paidOn.isAfter(dueDate.plusMonths(months))) {
            months++;
        }
        return months;
    }

    /** PU: the rate per month started, charged to the employer, rounded once; BPU: no penalty. No cap (RULES.md §4 ▶). */
    public static LatePenalty penalty(Category category, Period period, Rupiah contribution, LocalDate paidOn,
                                      WorkingDays workingDays, Rate perMonth) {
        LocalDate due = dueDate(category, period, workingDays);
        int months = monthsLate(due, paidOn);
        Rupiah penalty = category == Category.BPU ? Rupiah.ZERO : contribution.share(perMonth, months);
        return new LatePenalty(due, months, penalty);
    }
}
