package id.jamsos.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Nomor Induk Kependudukan, the national identity number on the KTP (RULES.md §8): 16 digits — district code (6),
 * birth date DDMMYY (6, with 40 added to the day for women), serial (4). There is no check digit, so the checks are
 * what the number encodes: a district known in any list since 2016, a date that exists and is not in the future
 * (the century is chosen so), and a serial of at least 0001.
 */
public record Nik(String value) {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{16}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.-]");

    public Nik {
        if (value == null || !DIGITS.matcher(value).matches()) {
            throw new InvalidValue("validation.nik.format");
        }
    }

    /**
     * Reads a NIK as typed (spaces, dots and dashes allowed) and checks what it encodes.
     *
     * @param today the date in Indonesia, which decides the century of the birth year
     */
    public static Nik parse(String typed, LocalDate today) {
        String digits = SEPARATORS.matcher(Text.required(typed, 40)).replaceAll("");
        Nik nik = new Nik(digits);
        if (!RegionCodes.official().knowsDistrict(nik.districtCode())) {
            throw new InvalidValue("validation.nik.region");
        }
        nik.birthDate(today); // throws when the date does not exist
        if (nik.value.endsWith("0000")) {
            throw new InvalidValue("validation.nik.serial");
        }
        return nik;
    }

    public String districtCode() {
        return value.substring(0, 6);
    }

    public Gender gender() {
        return encodedDay() > 40 ? Gender.FEMALE : Gender.MALE;
    }

    /** The birth date encoded in the number; the century is the latest one that does not put it after today. */
    public LocalDate birthDate(LocalDate today) {
        int day = encodedDay() > 40 ? encodedDay() - 40 : encodedDay();
        int month = Integer.parseInt(value.substring(8, 10));
        int yearInCentury = Integer.parseInt(value.substring(10, 12));
        int year = today.getYear() / 100 * 100 + yearInCentury;
        try {
            LocalDate date = LocalDate.of(year, month, day);
            return date.isAfter(today) ? LocalDate.of(year - 100, month, day) : date;
        } catch (DateTimeException e) {
            throw new InvalidValue("validation.nik.date");
        }
    }

    /**
     * Checks the number against what the person entered on the form: the encoded date must equal the birth date,
     * and a day above 40 must go with a woman.
     */
    public void mustMatch(LocalDate birthDate, Gender gender, LocalDate today) {
        if (gender != gender()) {
            throw new InvalidValue(gender() == Gender.FEMALE ? "validation.nik.gender.female" : "validation.nik.gender.male");
        }
        if (!birthDate(today).equals(birthDate)) {
            throw new InvalidValue("validation.nik.birth-date");
        }
    }

    /** For screens: only the district and the last two digits, {@code 327301**********34}. */
    public String masked() {
        return value.substring(0, 6) + "*".repeat(8) + value.substring(14);
    }

    @Override
    public String toString() {
        return masked();
    }

    private int encodedDay() {
        return Integer.parseInt(value.substring(6, 8));
    }
}
