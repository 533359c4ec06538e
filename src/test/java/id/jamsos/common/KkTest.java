package id.jamsos.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KkTest {

    @Test
    void readsAFamilyCardNumber() {
        assertThat(Kk.parse("3273 0115 0320 0012").value()).isEqualTo("3273011503200012");
    }

    @ParameterizedTest
    @ValueSource(strings = {"327301150320001", "32730115032000123", "3273011503200O12"})
    void rejectsAnythingButSixteenDigits(String typed) {
        assertRejected(typed, "validation.kk.format");
    }

    @Test
    void rejectsAnUnknownDistrict() {
        assertRejected("0000001503200012", "validation.kk.region");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3273015503200012", "3273013002200012", "3273011513200012", "3273012902190012"})
    void rejectsADateThatDoesNotExistAndKnowsNoPlusForty(String typed) {
        assertRejected(typed, "validation.kk.date");
    }

    @Test
    void masksTheMiddle() {
        assertThat(Kk.parse("3273011503200012").masked()).isEqualTo("327301********12");
    }

    private static void assertRejected(String typed, String key) {
        assertThatThrownBy(() -> Kk.parse(typed))
                .isInstanceOf(InvalidValue.class).extracting("messageKey").isEqualTo(key);
    }
}
