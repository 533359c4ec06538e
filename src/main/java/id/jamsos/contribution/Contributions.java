package id.jamsos.contribution;

import id.jamsos.common.Period;
import id.jamsos.common.RiskClass;
import id.jamsos.common.Rupiah;
import java.time.LocalDate;
import java.util.Set;

/** What other modules ask of contributions: the rates in force and what a worker owes for a month. */
public interface Contributions {

    /** The rates in force on the first day of {@code period}; refused (InvalidValue) before the earliest rate. */
    RatesInForce ratesFor(Period period);

    Contribution wageEarner(Period period, Rupiah wage, RiskClass riskClass);

    Contribution informal(Period period, Rupiah declaredIncome, Set<Program> programs);

    /** Due date, months late and penalty of a month's contribution paid on {@code paidOn}. */
    LatePenalty latePenalty(Category category, Period period, Rupiah contribution, LocalDate paidOn);

    LocalDate dueDate(Category category, Period period);
}
