package id.jamsos.common;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** A contribution month, written {@code YYYY-MM} (the scheme bills and reports wages per calendar month). */
public record Period(YearMonth month) implements Comparable<Period> {

    public Period {
        if (month == null || month.getYear() < 2000 || month.getYear() > 2200) {
            throw new InvalidValue("validation.period.format");
        }
    }

    public static Period of(int year, int month) {
        return new Period(YearMonth.of(year, month));
    }

    public static Period of(LocalDate day) {
        return new Period(YearMonth.from(day));
    }

    /** Exactly {@code YYYY-MM}. */
    public static Period parse(String typed) {
        if (typed == null || !typed.strip().matches("[0-9]{4}-[0-9]{2}")) {
            throw new InvalidValue("validation.period.format");
        }
        try {
            return new Period(YearMonth.parse(typed.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidValue("validation.period.format");
        }
    }

    public LocalDate firstDay() {
        return month.atDay(1);
    }

    public LocalDate lastDay() {
        return month.atEndOfMonth();
    }

    public Period next() {
        return new Period(month.plusMonths(1));
    }

    public Period previous() {
        return new Period(month.minusMonths(1));
    }

    public Period plusMonths(long months) {
        return new Period(month.plusMonths(months));
    }

    public boolean isBefore(Period other) {
        return month.isBefore(other.month);
    }

    public boolean isAfter(Period other) {
        return month.isAfter(other.month);
    }

    @Override
    public int compareTo(Period other) {
        return month.compareTo(other.month);
    }

    /** {@code 2025-03}, also the form stored in the database. */
    @Override
    public String toString() {
        return month.toString();
    }
}
