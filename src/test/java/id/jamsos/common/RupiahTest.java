package id.jamsos.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RupiahTest {

    @ParameterizedTest(name = "{0} × {1} bp = {2}")
    @CsvSource({
            // exactly half a rupiah rounds up; just under half rounds down (RULES.md §2)
            "50, 100, 1", "49, 100, 0", "150, 100, 2", "149, 100, 1",
            "12000000, 370, 444000", "12000000, 54, 64800", "10547400, 200, 210948", "10547400, 100, 105474",
            "1000001, 24, 2400", "1000003, 24, 2400", "1020834, 24, 2450", "1020833, 24, 2450", "1020812, 24, 2450",
            "1020811, 24, 2450", "1020810, 24, 2450", "1020625, 24, 2450", "1020624, 24, 2449",
            "0, 370, 0", "1, 5000, 1", "1, 4999, 0"})
    void sharesRoundHalfUpOnce(long amount, int basisPoints, long expected) {
        assertThat(Rupiah.of(amount).share(Rate.basisPoints(basisPoints))).isEqualTo(Rupiah.of(expected));
    }

    @Test
    void formatsAsIndonesiansWriteIt() {
        assertThat(Rupiah.of(1_234_567).formatted()).isEqualTo("Rp 1.234.567");
        assertThat(Rupiah.of(0).formatted()).isEqualTo("Rp 0");
        assertThat(Rupiah.of(-16_800).formatted()).isEqualTo("-Rp 16.800");
    }

    @Test
    void parsesTypedAmountsAndRefusesTheRest() {
        assertThat(Rupiah.parse("Rp 5.000.000")).isEqualTo(Rupiah.of(5_000_000));
        assertThat(Rupiah.parse("2500000")).isEqualTo(Rupiah.of(2_500_000));
        for (String bad : new String[] {"-1", "1,5", "abc", "1e6", "9999999999999999"}) {
            assertThatThrownBy(() -> Rupiah.parse(bad)).as(bad).isInstanceOf(InvalidValue.class);
        }
    }

    @Test
    void overflowIsAnErrorNotAWrap() {
        assertThatThrownBy(() -> Rupiah.of(Long.MAX_VALUE).plus(Rupiah.of(1))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void periodsAndRatesParseStrictly() {
        assertThat(Period.parse("2025-03").firstDay()).hasToString("2025-03-01");
        assertThat(Period.parse("2024-12").next()).isEqualTo(Period.of(2025, 1));
        assertThat(Period.parse(" 2025-10 ")).isEqualTo(Period.of(2025, 10));
        assertThatThrownBy(() -> Period.parse(null)).isInstanceOf(InvalidValue.class);
        for (String bad : new String[] {"2025-3", "2025-13", "2025-00", "03-2025", "", "2025-03-01", "2025/03",
                "20a5-03", "2025-0x", "1999-12", "\u0662\u0660\u0662\u0665-03"}) {
            assertThatThrownBy(() -> Period.parse(bad)).as(bad).isInstanceOf(InvalidValue.class);
        }
        assertThat(Rate.parsePercent("3,7")).isEqualTo(Rate.basisPoints(370));
        assertThat(Rate.basisPoints(24).percent(java.util.Locale.forLanguageTag("id"))).isEqualTo("0,24%");
        assertThatThrownBy(() -> Rate.parsePercent("3.705")).isInstanceOf(InvalidValue.class);
        assertThat(Npp.parse("1234 5678").value()).isEqualTo("12345678");
        assertThatThrownBy(() -> Npp.parse("1234567")).isInstanceOf(InvalidValue.class);
    }
}
