package id.jamsos.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"Siti Rahmawati", "Dr. Budi Santoso, S.H.", "I Gusti Ngurah Rai", "Ni'matul Khoiriyah",
            "Anak Agung Sagung-Mas", "Muhammad"})
    void acceptsNamesAsTheyAppearOnAKtp(String name) {
        assertThat(PersonName.parse(name).value()).isEqualTo(name);
    }

    @Test
    void collapsesRunsOfSpaces() {
        assertThat(PersonName.parse("  Siti    Rahmawati ").value()).isEqualTo("Siti Rahmawati");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "<script>alert(1)</script>", "Robert'); DROP TABLE account;--", "Budi 2",
            ".Budi", "Siti\u0007Rahma"})
    void refusesMarkupDigitsAndControlCharacters(String name) {
        assertThatThrownBy(() -> PersonName.parse(name)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void refusesNamesOverOneHundredCharacters() {
        assertThatThrownBy(() -> PersonName.parse("a".repeat(101)))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.messageKey()).isEqualTo("validation.too-long"));
    }

    @org.junit.jupiter.api.Test
    void masksEachWordButItsFirstAndLastLetter() {
        org.assertj.core.api.Assertions.assertThat(PersonName.parse("Budi Santoso").masked()).isEqualTo("B**i S*****o");
        org.assertj.core.api.Assertions.assertThat(PersonName.parse("Al Ghazali").masked()).isEqualTo("A* G*****i");
        org.assertj.core.api.Assertions.assertThat(PersonName.parse("I Made Wirawan").masked()).isEqualTo("I M**e W*****n");
    }
}
