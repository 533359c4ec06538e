package id.jamsos.common;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * An amount of money in whole rupiah. The rupiah has no subunit in use, so every amount the scheme bills, pays or
 * credits is a whole number; arithmetic is exact and overflows loudly instead of wrapping.
 */
public record Rupiah(long value) implements Comparable<Rupiah> {

    public static final Rupiah ZERO = new Rupiah(0);

    public static Rupiah of(long value) {
        return value == 0 ? ZERO : new Rupiah(value);
    }

    /** A typed amount: digits with optional dots or spaces as thousands separators and an optional "Rp"; never negative. */
    public static Rupiah parse(String typed) {
        String text = Text.required(typed, 30).replaceFirst("(?i)^rp\\.?", "").replaceAll("[\\s.]", "");
        if (!text.matches("[0-9]{1,15}")) {
            throw new InvalidValue("validation.rupiah.format");
        }
        return of(Long.parseLong(text));
    }

    public Rupiah plus(Rupiah other) {
        return of(Math.addExact(value, other.value));
    }

    public Rupiah minus(Rupiah other) {
        return of(Math.subtractExact(value, other.value));
    }

    public Rupiah times(long factor) {
        return of(Math.multiplyExact(value, factor));
    }

    /**
     * This amount times a rate, rounded once to whole rupiah, half up: {@code (amount × basisPoints + 5000) / 10000}.
     * RULES.md §2: each share (program × party × worker × month) is rounded half up to whole rupiah once; totals are
     * sums of rounded shares.
     */
    public Rupiah share(Rate rate) {
        return share(rate, 1);
    }

    /**
     * This amount times a rate {@code times} over (a penalty of 2 % for each of three months late is 6 %), rounded
     * once at the end, half up: {@code (amount × basisPoints × times + 5000) / 10000}. The only place money is rounded.
     */
    public Rupiah share(Rate rate, long times) {
        if (value < 0 || times < 0) {
            throw new IllegalStateException("a share of a negative amount: " + value + " × " + times);
        }
        long tenThousandths = Math.multiplyExact(Math.multiplyExact(value, rate.basisPoints()), times);
        return of(Math.addExact(tenThousandths, 5_000L) / 10_000L);
    }

    public Rupiah min(Rupiah other) {
        return value <= other.value ? this : other;
    }

    public boolean isZero() {
        return value == 0;
    }

    public boolean isNegative() {
        return value < 0;
    }

    public boolean isGreaterThan(Rupiah other) {
        return value > other.value;
    }

    @Override
    public int compareTo(Rupiah other) {
        return Long.compare(value, other.value);
    }

    /** As people in Indonesia write it: {@code Rp 1.234.567} (a minus sign before the number when negative). */
    public String formatted() {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("id")));
        return value < 0 ? "-Rp " + format.format(-value) : "Rp " + format.format(value);
    }

    @Override
    public String toString() {
        return formatted();
    }
}
