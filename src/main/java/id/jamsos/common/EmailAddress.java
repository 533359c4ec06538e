package id.jamsos.common;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address as Jamsos keeps it: trimmed and lower-cased (addresses are compared without case), ASCII only,
 * at most 254 characters (RFC 5321), a dotted domain.
 */
public record EmailAddress(String value) {

    static final int MAX_LENGTH = 254;
    private static final Pattern FORM = Pattern.compile(
            "^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

    public EmailAddress {
        if (value == null || !FORM.matcher(value).matches() || value.length() > MAX_LENGTH
                || value.indexOf('@') > 64) {
            throw new InvalidValue("validation.email");
        }
    }

    public static EmailAddress parse(String typed) {
        String trimmed = Text.required(typed, MAX_LENGTH);
        return new EmailAddress(trimmed.toLowerCase(Locale.ROOT));
    }

    /** For screens: {@code b***@example.com}. */
    public String masked() {
        int at = value.indexOf('@');
        return value.charAt(0) + "***" + value.substring(at);
    }

    @Override
    public String toString() {
        return value;
    }
}
