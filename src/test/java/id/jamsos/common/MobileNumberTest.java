package id.jamsos.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"081234567890", "0812-3456-7890", "0812 3456 7890", "+62 812 3456 7890", "62812.3456.7890",
            "(0812) 3456 7890"})
    void normalisesTheWaysPeopleWriteTheSameNumber(String typed) {
        assertThat(MobileNumber.parse(typed).value()).isEqualTo("+6281234567890");
    }

    @Test
    void acceptsTheShortestAndLongestMobileNumbers() {
        assertThat(MobileNumber.parse("0812345678").value()).isEqualTo("+62812345678");
        assertThat(MobileNumber.parse("0812345678901").value()).isEqualTo("+62812345678901");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0212345678", "12345678", "08123", "08123456789012", "0812abc45678", "+1 812 3456 7890",
            "<b>0812</b>", "0812345678'; DROP TABLE account.account; --"})
    void refusesWhatIsNotAnIndonesianMobileNumber(String typed) {
        assertThatThrownBy(() -> MobileNumber.parse(typed)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void masksTheMiddleForScreens() {
        assertThat(MobileNumber.parse("081234567890").masked()).isEqualTo("+62 812-****-7890");
    }
}
