package id.jamsos.common;

import java.util.regex.Pattern;

/**
 * An Indonesian mobile number, kept in the international form {@code +628…}. People type it as {@code 0812-3456-7890},
 * {@code 62 812 3456 7890} or {@code +62 812…}; all become {@code +6281234567890}. Mobile numbers start with 8 after
 * the country code and have 9 to 12 digits after it.
 */
public record MobileNumber(String value) {

    private static final Pattern NORMALISED = Pattern.compile("^\\+628[0-9]{7,11}$");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.()-]");

    public MobileNumber {
        if (value == null || !NORMALISED.matcher(value).matches()) {
            throw new InvalidValue("validation.mobile-number");
        }
    }

    public static MobileNumber parse(String typed) {
        String digits = SEPARATORS.matcher(Text.required(typed, 30)).replaceAll("");
        if (digits.startsWith("+62")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("62")) {
            digits = digits.substring(2);
        } else if (digits.startsWith("0")) {
            digits = digits.substring(1);
        } else {
            throw new InvalidValue("validation.mobile-number");
        }
        return new MobileNumber("+62" + digits);
    }

    /** For screens: {@code +62 812-****-7890}. */
    public String masked() {
        return "+62 " + value.substring(3, 6) + "-****-" + value.substring(value.length() - 4);
    }

    @Override
    public String toString() {
        return value;
    }
}
