package id.jamsos.common;

import java.time.LocalDate;
import java.time.YearMonth;

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
        // Read by hand: periods are parsed for every month a balance or history shows (String.matches compiled its
        // pattern on each call, 2 % of the balance API's CPU).
        String text = typed == null ? "" : typed.strip();
        if (text.length() != 7 || text.charAt(4) != '-') {
            throw new InvalidValue("validation.period.format");
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        if (year < 0 || month < 1 || month > 12) {
            throw new InvalidValue("validation.period.format");
        }
        return new Period(YearMonth.of(year, month));
    }

    /** The number written by the ASCII digits from {@code from} to {@code to}; -1 when any is not one. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
