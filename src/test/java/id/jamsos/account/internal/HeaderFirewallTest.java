package id.jamsos.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The firewall's header rules as loops answer exactly what Spring Security's regular expressions answer, for
 * ordinary headers and for seeded random text full of control characters, tabs, unassigned code points and lone
 * surrogates (the seed is in the failure message).
 */
class HeaderFirewallTest {

    static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");
    static final int[] AWKWARD = {'\t', '\n', '\r', 0, 0x7f, 0x85, 0x9f, 0x378, 0xd800, 0xdc00, 0xfffe, 0xffff,
            0x1f600, 0xe0001, 0x10ffff, 0x2028, 0xa0, '|', 'é', 'ï'};

    @Test
    void theLoopsAnswerWhatThePatternsAnswer() {
        for (String header : new String[] {"", "Authorization", "Bearer eyJ.abc-_~+/=", "text/html; q=0.9",
                "a\tb", "a\nb", "Ünïcödé", "\u0000", "x\u007f"}) {
            assertThat(HeaderFirewall.allowedName(header)).as(header).isEqualTo(NAMES.matcher(header).matches());
            assertThat(HeaderFirewall.allowedValue(header)).as(header).isEqualTo(VALUES.matcher(header).matches());
        }
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(6); n > 0; n--) {
                int codePoint = random.nextInt(3) == 0 ? AWKWARD[random.nextInt(AWKWARD.length)]
                        : random.nextBoolean() ? 0x20 + random.nextInt(0x5f) : random.nextInt(0x110000);
                text.appendCodePoint(codePoint);
            }
            String header = text.toString();
            assertThat(HeaderFirewall.allowedName(header)).as("seed %d, %s", seed, escaped(header))
                    .isEqualTo(NAMES.matcher(header).matches());
            assertThat(HeaderFirewall.allowedValue(header)).as("seed %d, %s", seed, escaped(header))
                    .isEqualTo(VALUES.matcher(header).matches());
        }
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> out.append(String.format("U+%04X ", cp)));
        return out.toString();
    }
}
