package id.jamsos.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void keepsAddressesTrimmedAndLowerCased() {
        assertThat(EmailAddress.parse("  Siti.Rahma@Contoh.CO.ID ").value()).isEqualTo("siti.rahma@contoh.co.id");
    }

    @Test
    void masksTheLocalPartForScreens() {
        assertThat(EmailAddress.parse("budi@contoh.id").masked()).isEqualTo("b***@contoh.id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "budi", "budi@", "@contoh.id", "budi@contoh", "budi@@contoh.id",
            "budi@contoh..id", "bu di@contoh.id", "<script>@x.id", "' OR 1=1 --@x.id", "budi@contoh.id\u0000",
            "bud\uFFFDi@contoh.id", "siti@cöntoh.id"})
    void refusesWhatIsNotAnAddress(String typed) {
        assertThatThrownBy(() -> EmailAddress.parse(typed)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void refusesLocalPartsOver64AndAddressesOver254Characters() {
        assertThatThrownBy(() -> EmailAddress.parse("a".repeat(65) + "@contoh.id"))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.messageKey()).isEqualTo("validation.email"));
        assertThatThrownBy(() -> EmailAddress.parse("x".repeat(10_000) + "@contoh.id"))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.messageKey()).isEqualTo("validation.too-long"));
    }
}
