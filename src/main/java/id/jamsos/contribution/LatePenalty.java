package id.jamsos.contribution;

import id.jamsos.common.Rupiah;
import java.time.LocalDate;

/** When a month's contribution was due, how many months late a payment is, and the penalty it carries. */
public record LatePenalty(LocalDate dueDate, int monthsLate, Rupiah penalty) {
}
