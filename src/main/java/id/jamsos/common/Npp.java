package id.jamsos.common;

import java.util.regex.Pattern;

/** Nomor Pendaftaran Perusahaan, the employer's registration number (RULES.md §8): 8 digits. */
public record Npp(String value) {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{8}");

    public Npp {
        if (value == null || !DIGITS.matcher(value).matches()) {
            throw new InvalidValue("validation.npp.format");
        }
    }

    /** Typed with or without spaces, dots or dashes. */
    public static Npp parse(String typed) {
        return new Npp(Text.required(typed, 30).replaceAll("[\\s.-]", ""));
    }

    @Override
    public String toString() {
        return value;
    }
}
