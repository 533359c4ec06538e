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

    /**
     * For public pages: each word keeps its first and last letter, {@code Budi Santoso} → {@code B**i S*****o};
     * a word of one or two letters keeps only its first.
     */
    public String masked() {
        StringBuilder masked = new StringBuilder();
        for (String word : value.split(" ")) {
            if (!masked.isEmpty()) {
                masked.append(' ');
            }
            int[] letters = word.codePoints().toArray();
            if (letters.length <= 2) {
                masked.appendCodePoint(letters[0]).append("*".repeat(letters.length - 1));
            } else {
                masked.appendCodePoint(letters[0]).append("*".repeat(letters.length - 2))
                        .appendCodePoint(letters[letters.length - 1]);
            }
        }
        return masked.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
