package id.jamsos.common;

import java.util.regex.Pattern;

/**
 * A person's full name as on the KTP: letters of any script, spaces, and the marks names and titles use
 * ({@code . , ' ’ -}); 1 to 100 characters. Digits and markup are refused.
 */
public record PersonName(String value) {

    private static final Pattern FORM = Pattern.compile("^[\\p{L}\\p{M}][\\p{L}\\p{M} .,'’-]*$");

    public PersonName {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidValue("validation.person-name");
        }
    }

    public static PersonName parse(String typed) {
        return new PersonName(Text.required(typed, 100).replaceAll("\\s+", " "));
    }

    @Override
    public String toString() {
        return value;
    }
}
