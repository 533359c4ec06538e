package id.jamsos.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AesGcmPersonalDataTest {

    static final String KEY = "MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=";
    static final String OTHER_KEY = "OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk=";
    final AesGcmPersonalData data = new AesGcmPersonalData(KEY);

    @Test
    void opensWhatItSealedAndNeverSealsTheSameWayTwice() {
        byte[] nik = "3273011205900001".getBytes(StandardCharsets.US_ASCII);
        byte[] once = data.seal(nik);
        byte[] twice = data.seal(nik);

        assertThat(once).isNotEqualTo(twice);
        assertThat(new String(once, StandardCharsets.ISO_8859_1)).doesNotContain("3273011205900001");
        assertThat(data.open(once)).isEqualTo(nik);
        assertThat(data.open(twice)).isEqualTo(nik);
    }

    @Test
    void refusesAnAlteredValue() {
        byte[] sealed = data.seal("3273011205900001".getBytes(StandardCharsets.US_ASCII));
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> data.open(sealed)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> data.open(new byte[3])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anotherKeyOpensNothing() {
        byte[] sealed = data.seal("rahasia".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new AesGcmPersonalData(OTHER_KEY).open(sealed))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLookupHashIsStablePerKeyAndDiffersBetweenValuesAndKeys() {
        assertThat(data.lookupHash("3273011205900001")).isEqualTo(new AesGcmPersonalData(KEY).lookupHash("3273011205900001"))
                .hasSize(32)
                .isNotEqualTo(data.lookupHash("3273011205900002"))
                .isNotEqualTo(new AesGcmPersonalData(OTHER_KEY).lookupHash("3273011205900001"));
    }
}
