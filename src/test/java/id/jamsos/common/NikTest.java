package id.jamsos.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NikTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    /** Kota Bandung, Sukasari: a district code in every list. */
    static final String BANDUNG = "327301";
    static final long SEED = 20261125L;

    @Test
    void readsAManBornIn1990() {
        Nik nik = Nik.parse("3273011205900001", TODAY);
        assertThat(nik.gender()).isEqualTo(Gender.MALE);
        assertThat(nik.birthDate(TODAY)).isEqualTo(LocalDate.of(1990, 5, 12));
        assertThat(nik.districtCode()).isEqualTo(BANDUNG);
    }

    @Test
    void readsAWomanByTheFortyAddedToHerDay() {
        Nik nik = Nik.parse("3273015205900001", TODAY);
        assertThat(nik.gender()).isEqualTo(Gender.FEMALE);
        assertThat(nik.birthDate(TODAY)).isEqualTo(LocalDate.of(1990, 5, 12));
    }

    @Test
    void choosesTheCenturySoTheBirthDateIsNotInTheFuture() {
        assertThat(Nik.parse("3273012511260001", TODAY).birthDate(TODAY)).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(Nik.parse("3273012611260001", TODAY).birthDate(TODAY)).isEqualTo(LocalDate.of(1926, 11, 26));
        assertThat(Nik.parse("3273010101050001", TODAY).birthDate(TODAY)).isEqualTo(LocalDate.of(2005, 1, 1));
    }

    @Test
    void acceptsSpacesDotsAndDashesAsPeopleTypeThem() {
        assertThat(Nik.parse(" 3273 0112 0590 0001 ", TODAY).value()).isEqualTo("3273011205900001");
        assertThat(Nik.parse("32.73.01-120590-0001", TODAY).value()).isEqualTo("3273011205900001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"327301120590001", "32730112059000011", "32730112059O0001", "abcdefghijklmnop"})
    void rejectsAnythingButSixteenDigits(String typed) {
        assertRejected(typed, "validation.nik.format");
    }

    @Test
    void rejectsAnEmptyNik() {
        assertRejected("  ", "validation.required");
    }

    @Test
    void rejectsAnUnknownDistrictCode() {
        assertRejected("9999991205900001", "validation.nik.region");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3273013205900001", "3273010005900001", "3273017205900001", "3273011213900001",
            "3273013002900001", "3273017002900001", "3273012902910001"})
    void rejectsADateThatDoesNotExist(String typed) {
        assertRejected(typed, "validation.nik.date");
    }

    @Test
    void acceptsTheTwentyNinthOfFebruaryInALeapYear() {
        assertThat(Nik.parse("3273012902920001", TODAY).birthDate(TODAY)).isEqualTo(LocalDate.of(1992, 2, 29));
    }

    @Test
    void rejectsSerialZero() {
        assertRejected("3273011205900000", "validation.nik.serial");
    }

    @Test
    void rejectsNikWhoseBirthDateDiffersFromTheForm() {
        Nik nik = Nik.parse("3273011205900001", TODAY);
        assertThatThrownBy(() -> nik.mustMatch(LocalDate.of(1990, 5, 13), Gender.MALE, TODAY))
                .isInstanceOf(InvalidValue.class).extracting("messageKey").isEqualTo("validation.nik.birth-date");
    }

    @Test
    void rejectsAWomansNikGivenForAMan() {
        Nik nik = Nik.parse("3273015205900001", TODAY);
        assertThatThrownBy(() -> nik.mustMatch(LocalDate.of(1990, 5, 12), Gender.MALE, TODAY))
                .isInstanceOf(InvalidValue.class).extracting("messageKey").isEqualTo("validation.nik.gender.female");
        nik.mustMatch(LocalDate.of(1990, 5, 12), Gender.FEMALE, TODAY);
    }

    @Test
    void masksAllButTheDistrictAndTheLastTwoDigits() {
        Nik nik = Nik.parse("3273011205900001", TODAY);
        assertThat(nik.masked()).isEqualTo("327301********01");
        assertThat(nik.toString()).doesNotContain("120590");
    }

    /** Any person born on any day, in any district: the number made from their data reads back the same. */
    @ParameterizedTest(name = "seed " + SEED + " #{index}: {0}")
    @MethodSource("randomPeople")
    void readsBackWhatItEncodes(String district, LocalDate born, Gender gender, int serial) {
        int day = born.getDayOfMonth() + (gender == Gender.FEMALE ? 40 : 0);
        String typed = district + "%02d%02d%02d%04d".formatted(day, born.getMonthValue(), born.getYear() % 100, serial);

        Nik nik = Nik.parse(typed, TODAY);

        assertThat(nik.gender()).isEqualTo(gender);
        assertThat(nik.birthDate(TODAY)).isEqualTo(born);
        nik.mustMatch(born, gender, TODAY);
    }

    /** A day of 32–40 or above 71 is never a birth date, whatever the rest of the number says. */
    @ParameterizedTest(name = "seed " + SEED + " #{index}: {0}")
    @MethodSource("impossibleDays")
    void rejectsImpossibleDays(String typed) {
        assertRejected(typed, "validation.nik.date");
    }

    static Stream<Arguments> randomPeople() {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
        List<String> districts = List.of(BANDUNG, "110101", "317101", "357801", "910101", "940101", "517101");
        long first = LocalDate.of(1927, 1, 1).toEpochDay();
        long last = TODAY.toEpochDay();
        return IntStream.range(0, 200).mapToObj(i -> Arguments.of(
                districts.get(random.nextInt(districts.size())),
                LocalDate.ofEpochDay(random.nextLong(first, last + 1)),
                random.nextBoolean() ? Gender.FEMALE : Gender.MALE,
                random.nextInt(1, 10_000)));
    }

    static Stream<String> impossibleDays() {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
        return IntStream.range(0, 100).mapToObj(i -> {
            int day = random.nextBoolean() ? random.nextInt(32, 41) : random.nextInt(72, 100);
            return BANDUNG + "%02d%02d%02d%04d".formatted(day, random.nextInt(1, 13), random.nextInt(100),
                    random.nextInt(1, 10_000));
        });
    }

    private static void assertRejected(String typed, String key) {
        assertThatThrownBy(() -> Nik.parse(typed, TODAY))
                .isInstanceOf(InvalidValue.class).extracting("messageKey").isEqualTo(key);
    }
}
