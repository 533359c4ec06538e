package id.jamsos.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Nomor Kartu Keluarga, the family card number (RULES.md §8): 16 digits — district code (6), date the family was
 * entered DDMMYY (6, without the +40 of a NIK), serial (4). Checked: a district known in any list since 2016 and a
 * date that exists.
 */
public record Kk(String value) {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{16}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.-]");
    private static final DateTimeFormatter DDMMYY = DateTimeFormatter.ofPattern("ddMMuu")
            .withResolverStyle(ResolverStyle.STRICT);

    public Kk {
        if (value == null || !DIGITS.matcher(value).matches()) {
            throw new InvalidValue("validation.kk.format");
        }
    }

    public static Kk parse(String typed) {
        Kk kk = new Kk(SEPARATORS.matcher(Text.required(typed, 40)).replaceAll(""));
        if (!RegionCodes.official().knowsDistrict(kk.value.substring(0, 6))) {
            throw new InvalidValue("validation.kk.region");
        }
        try {
            LocalDate.parse(kk.value.substring(6, 12), DDMMYY);
        } catch (DateTimeException e) {
            throw new InvalidValue("validation.kk.date");
        }
        return kk;
    }

    /** For screens: {@code 327301**********01}. */
    public String masked() {
        return value.substring(0, 6) + "*".repeat(8) + value.substring(14);
    }

    @Override
    public String toString() {
        return masked();
    }
}
