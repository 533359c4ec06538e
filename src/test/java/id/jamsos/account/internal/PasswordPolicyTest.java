package id.jamsos.account.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.common.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"Sapi-terbang-di-Bogor-2026", "kopi tubruk pagi hari", "ééééééééééééé", "日本語のパスワードです長い"})
    void acceptsLongPasswordsWithoutCompositionRules(String password) {
        assertThatCode(() -> policy.check(password)).doesNotThrowAnyException();
    }

    @Test
    void countsCharactersNotBytesOrUtf16Units() {
        assertThatThrownBy(() -> policy.check("😀".repeat(11))).isInstanceOf(InvalidValue.class);
        assertThatCode(() -> policy.check("😀".repeat(12))).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("x".repeat(128))).doesNotThrowAnyException();
    }

    @Test
    void refusesPasswordsShorterThanTwelveOrLongerThan128Characters() {
        assertThatThrownBy(() -> policy.check("sebelas-kar"))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.messageKey()).isEqualTo("validation.password.too-short"));
        assertThatThrownBy(() -> policy.check("x".repeat(129)))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.messageKey()).isEqualTo("validation.password.too-long"));
        assertThatThrownBy(() -> policy.check("x".repeat(10_000))).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> policy.check("")).isInstanceOf(InvalidValue.class);
    }

    @Test
    void refusesCommonPasswordsWhateverTheirCase() {
        // both are on the lists in resources/account/common-passwords and at least 12 characters long
        assertThat(policy.isCommon("unbelievable")).isTrue();
        assertThat(policy.isCommon("UnBelievable")).isTrue();
        assertThatThrownBy(() -> policy.check("UNBELIEVABLE"))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.messageKey()).isEqualTo("validation.password.common"));
    }

    @Test
    void knowsTheIndonesianList() {
        assertThat(policy.isCommon("bismillah")).isTrue();
        assertThatThrownBy(() -> policy.check("QWEASDZXC123"))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.messageKey()).isEqualTo("validation.password.common"));
    }
}
