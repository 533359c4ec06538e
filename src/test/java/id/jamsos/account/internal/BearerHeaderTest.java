package id.jamsos.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The bearer header read by a loop gives exactly Spring Security's answer: the same token, no token, or the same
 * "malformed" refusal, for ordinary headers and for seeded random ones near the rules (the seed is in the failure
 * message). Query and form parameters count for neither.
 */
class BearerHeaderTest {

    static final String[] PARTS = {"Bearer ", "bearer ", "BEARER ", "Bearer", "Bearer  ", "Basic ", "bearer\t",
            "Beare ", "Bearerx", "eyJhbGciOiJIUzI1NiJ9", ".", "-", "_", "~", "+", "/", "=", "==", " ", "\t", "\n",
            "%", "é", "ı", "K", "\u212a", "\u017f", "a", "Z", "9", "*", ",", ":", ";", "\u0000"};

    final BearerTokenResolver ours = new BearerHeader();
    final BearerTokenResolver springs = new DefaultBearerTokenResolver();

    @Test
    void theLoopAnswersWhatTheResolverAnswers() {
        for (String header : new String[] {null, "", "Bearer", "Bearer ", "Bearer abc", "bearer abc.def-_~+/==",
                "BEARER x=", "Bearer x=y", "Bearer =", "Bearer abc ", "Bearer abc\n", "Basic dXNlcjpwYXNz",
                "Bearerabc", "Bearer  abc"}) {
            assertSame(header, "fixed");
        }
        MockHttpServletRequest withParameter = new MockHttpServletRequest("GET", "/api/v1/ledger/balance");
        withParameter.addParameter("access_token", "abc");
        assertThat(ours.resolve(withParameter)).isNull();
        assertThat(springs.resolve(withParameter)).isNull();

        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder header = new StringBuilder();
            for (int n = 1 + random.nextInt(5); n > 0; n--) {
                header.append(PARTS[random.nextInt(PARTS.length)]);
            }
            assertSame(header.toString(), "seed " + seed);
        }
    }

    private void assertSame(String header, String context) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/ledger/balance");
        if (header != null) {
            request.addHeader("Authorization", header);
        }
        String expected;
        try {
            expected = springs.resolve(request);
        } catch (OAuth2AuthenticationException e) {
            expected = "refused: " + e.getError().getErrorCode() + " " + e.getError().getDescription();
        }
        String actual;
        try {
            actual = ours.resolve(request);
        } catch (OAuth2AuthenticationException e) {
            actual = "refused: " + e.getError().getErrorCode() + " " + e.getError().getDescription();
        }
        assertThat(actual).as("%s, header [%s]", context, header).isEqualTo(expected);
    }
}
