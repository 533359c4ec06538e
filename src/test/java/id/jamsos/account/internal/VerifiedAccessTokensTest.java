package id.jamsos.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * A token is verified once and then answered by its exact text until it expires; another text always goes to the
 * decoder, an expired one is decoded (and refused) again, and the cache stays bounded.
 */
class VerifiedAccessTokensTest {

    static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Accepts tokens named "good-…" (valid 15 minutes from START) while the clock is before their expiry. */
    static final class CountingDecoder implements JwtDecoder {
        final List<String> decoded = new ArrayList<>();
        final MovingClock clock;

        CountingDecoder(MovingClock clock) {
            this.clock = clock;
        }

        @Override
        public Jwt decode(String token) {
            decoded.add(token);
            Instant expires = START.plus(Duration.ofMinutes(15));
            if (!token.startsWith("good-") || !clock.instant().isBefore(expires)) {
                throw new BadJwtException("refused: " + token);
            }
            return Jwt.withTokenValue(token).header("alg", "HS256").subject("account")
                    .issuedAt(START).expiresAt(expires).build();
        }
    }

    @Test
    void aVerifiedTokenIsAnsweredByItsExactTextUntilItExpires() {
        MovingClock clock = new MovingClock();
        CountingDecoder decoder = new CountingDecoder(clock);
        VerifiedAccessTokens tokens = new VerifiedAccessTokens(decoder, clock, 100);

        for (int i = 0; i < 5; i++) {
            assertThat(tokens.decode("good-1").getSubject()).isEqualTo("account");
        }
        assertThat(decoder.decoded).as("verified once").containsExactly("good-1");

        assertThatThrownBy(() -> tokens.decode("gooD-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("bad-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("bad-1")).isInstanceOf(BadJwtException.class);
        assertThat(decoder.decoded).as("other texts always go to the decoder")
                .containsExactly("good-1", "gooD-1", "bad-1", "bad-1");

        clock.now = START.plus(Duration.ofMinutes(15));
        assertThatThrownBy(() -> tokens.decode("good-1")).as("expired: decoded again and refused")
                .isInstanceOf(BadJwtException.class);
        assertThat(decoder.decoded).endsWith("good-1");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void theCacheStaysBounded() {
        MovingClock clock = new MovingClock();
        VerifiedAccessTokens tokens = new VerifiedAccessTokens(new CountingDecoder(clock), clock, 10);
        for (int i = 0; i < 35; i++) {
            tokens.decode("good-" + i);
            assertThat(tokens.size()).isLessThanOrEqualTo(10);
        }
    }
}
