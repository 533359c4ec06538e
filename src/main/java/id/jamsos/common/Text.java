package id.jamsos.common;

/** Checks shared by every value typed into a form: present, not too long, no control or broken characters. */
public final class Text {

    private Text() {
    }

    /**
     * The trimmed value, or an {@link InvalidValue} when it is empty, longer than {@code maxLength} code points, or
     * holds control characters or U+FFFD (what a decoder leaves of invalid UTF-8).
     */
    public static String required(String value, int maxLength) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidValue("validation.required");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > maxLength) {
            throw new InvalidValue("validation.too-long", maxLength);
        }
        if (hasBrokenCharacters(trimmed)) {
            throw new InvalidValue("validation.invalid-characters");
        }
        return trimmed;
    }

    public static boolean hasBrokenCharacters(String value) {
        return value.codePoints().anyMatch(c -> c == 0xFFFD || (Character.isISOControl(c) && c != '\t'));
    }
}
