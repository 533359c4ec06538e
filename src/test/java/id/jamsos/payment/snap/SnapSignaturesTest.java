package id.jamsos.payment.snap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import org.junit.jupiter.api.Test;

/** SNAP's signatures computed as the standard defines them (figures cross-checked with openssl). */
class SnapSignaturesTest {

    static final byte[] SECRET = "key-for-test".getBytes(StandardCharsets.UTF_8);
    static final PrivateKey DEMO_KEY = DemoBank.privateKey();
    static final PartnerBank DEMO = new DemoBank().bank();

    @Test
    void hmacSha512IsBase64OfTheStandardStringToSign() {
        String stringToSign = "POST:/snap/v1.0/transfer-va/payment:tok:abc:2026-12-01T10:00:00+07:00";

        assertThat(SnapSignatures.hmac(SECRET, stringToSign)).isEqualTo(
                "UBpFpz25FqA2mFW8M3rsiRACXn8qIR/P7HvyKiVhbiWavjwe0igu3zcrO/5zluUUnW38LusA/XeJzCsfFrJ1kQ==");
        assertThat(SnapSignatures.verifyHmac(SECRET, stringToSign, SnapSignatures.hmac(SECRET, stringToSign))).isTrue();
        assertThat(SnapSignatures.verifyHmac(SECRET, stringToSign + " ", SnapSignatures.hmac(SECRET, stringToSign)))
                .isFalse();
        assertThat(SnapSignatures.verifyHmac(SECRET, stringToSign, "not base64 at all!")).isFalse();
    }

    @Test
    void theStringToSignHashesTheMinifiedBodyInLowercaseHex() {
        byte[] pretty = "{ \"a\" : \"b c\",\n  \"d\": [1, 2] }".getBytes(StandardCharsets.UTF_8);

        assertThat(SnapSignatures.transactionStringToSign("POST", "/p", "tok", pretty, "T")).isEqualTo(
                "POST:/p:tok:a2ed57cdd8088db0531811963a94be95e8c14cd9d36e0bd90dea29d0f91d5795:T");
    }

    @Test
    void minifyKeepsWhitespaceAndEscapedQuotesInsideStrings() {
        String json = "{ \"name\" : \"PT  \\\"Maju\\\" Jaya\\\\\" ,\t\"n\" : 1 }";

        assertThat(new String(SnapSignatures.minify(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
                .isEqualTo("{\"name\":\"PT  \\\"Maju\\\" Jaya\\\\\",\"n\":1}");
    }

    @Test
    void theDemoBanksPrivateKeySignsWhatItsConfiguredPublicKeyVerifies() {
        String stringToSign = SnapSignatures.tokenStringToSign("demo-bank-client", "2026-12-01T10:00:00+07:00");
        String signature = SnapSignatures.signRsa(DEMO_KEY, stringToSign);

        assertThat(stringToSign).isEqualTo("demo-bank-client|2026-12-01T10:00:00+07:00");
        assertThat(SnapSignatures.verifyRsa(DEMO.publicKey(), stringToSign, signature)).isTrue();
        assertThat(SnapSignatures.verifyRsa(DEMO.publicKey(), stringToSign.replace("10:00", "10:01"), signature))
                .isFalse();
        assertThat(SnapSignatures.verifyRsa(DEMO.publicKey(), stringToSign, "AAAA" + signature.substring(4))).isFalse();
        assertThat(SnapSignatures.verifyRsa(DEMO.publicKey(), stringToSign, "%%%")).isFalse();
    }
}
