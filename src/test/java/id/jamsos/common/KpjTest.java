package id.jamsos.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class KpjTest {

    static final long SEED = 20261125L;

    @Test
    void computesTheLuhnDigitAsTheStandardDoes() {
        // The standard's own example: 7992739871 has check digit 3.
        assertThat(Kpj.checkDigit("7992739871")).isEqualTo(3);
        assertThat(Kpj.issue(2026, 1).value()).isEqualTo("26000000013");
    }

    @Test
    void readsANumberAsPeopleTypeIt() {
        assertThat(Kpj.parse("26 0000 0001 3").value()).isEqualTo("26000000013");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2600000001", "260000000145", "2600000O014"})
    void rejectsAnythingButElevenDigits(String typed) {
        assertThatThrownBy(() -> Kpj.parse(typed)).isInstanceOf(InvalidValue.class)
                .extracting("messageKey").isEqualTo("validation.kpj.format");
    }

    @Test
    void rejectsAWrongCheckDigit() {
        assertThatThrownBy(() -> Kpj.parse("26000000014")).isInstanceOf(InvalidValue.class)
                .extracting("messageKey").isEqualTo("validation.kpj.check-digit");
    }

    /** Every number Jamsos issues passes its own check, and every single-digit typo in it is caught. */
    @ParameterizedTest(name = "seed " + SEED + " #{index}: sequence {0}")
    @MethodSource("randomSequences")
    void catchesEverySingleDigitTypo(long sequence) {
        Kpj kpj = Kpj.issue(2026, sequence);
        assertThat(Kpj.parse(kpj.value())).isEqualTo(kpj);
        for (int position = 0; position < 11; position++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (kpj.value().charAt(position) == digit) {
                    continue;
                }
                String typo = kpj.value().substring(0, position) + digit + kpj.value().substring(position + 1);
                assertThatThrownBy(() -> Kpj.parse(typo)).as(typo).isInstanceOf(InvalidValue.class);
            }
        }
    }

    @Test
    void masksTheMiddle() {
        assertThat(Kpj.issue(2026, 1).masked()).isEqualTo("26*******13");
    }

    static LongStream randomSequences() {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
        return IntStream.range(0, 100).mapToLong(i -> random.nextLong(1, 100_000_000L));
    }
}
