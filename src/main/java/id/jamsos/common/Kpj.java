package id.jamsos.common;

import java.util.regex.Pattern;

/**
 * Kartu Peserta Jamsostek number, the member number (RULES.md §8): 11 digits — the year of registration (2), a
 * sequence (8) and a Luhn check digit (1) that catches every single mistyped digit and most swapped neighbours.
 */
public record Kpj(String value) {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{11}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.-]");

    public Kpj {
        if (value == null || !DIGITS.matcher(value).matches()) {
            throw new InvalidValue("validation.kpj.format");
        }
        if (checkDigit(value.substring(0, 10)) != value.charAt(10) - '0') {
            throw new InvalidValue("validation.kpj.check-digit");
        }
    }

    public static Kpj parse(String typed) {
        return new Kpj(SEPARATORS.matcher(Text.required(typed, 30)).replaceAll(""));
    }

    /** The number issued as the {@code sequence}-th registration of {@code year}. */
    public static Kpj issue(int year, long sequence) {
        if (sequence < 1 || sequence > 99_999_999L) {
            throw new IllegalArgumentException("sequence outside 1..99999999: " + sequence);
        }
        String body = "%02d%08d".formatted(year % 100, sequence);
        return new Kpj(body + checkDigit(body));
    }

    /** Luhn (ISO/IEC 7812-1): from the right, double every second digit, add the digits, complete to a multiple of 10. */
    static int checkDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }

    /** For screens that must not show the whole number, such as the public card check: {@code 26*******12}. */
    public String masked() {
        return value.substring(0, 2) + "*".repeat(7) + value.substring(9);
    }

    @Override
    public String toString() {
        return value;
    }
}
