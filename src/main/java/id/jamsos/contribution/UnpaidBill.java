package id.jamsos.contribution;

import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import java.time.LocalDate;

/**
 * One bill not paid as of the statement's date: the contribution billed (with adjustments), the months late and the
 * penalty as of that date (RULES.md §4, PU only).
 */
public record UnpaidBill(long billId, Category category, Period period, LocalDate dueDate, Rupiah contribution,
                         int monthsLate, Rupiah penalty) {

    public Rupiah total() {
        return contribution.plus(penalty);
    }
}
