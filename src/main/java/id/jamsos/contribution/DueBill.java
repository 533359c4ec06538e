package id.jamsos.contribution;

import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import java.time.LocalDate;

/** A bill not paid yet with its due date, for reminders: who owes it, for which month, how much was billed. */
public record DueBill(long billId, Payer payer, Period period, LocalDate dueDate, Rupiah contribution) {
}
