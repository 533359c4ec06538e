package id.jamsos.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Access tokens checked before, by their exact text, until they expire: a phone calls the API many times with one
 * token, and parsing and verifying it again (Base64, JSON, HMAC, the claims) was a tenth of the balance API's CPU
 * (JFR, docs/performance.md). Only a token byte for byte identical to one that passed every check is answered from
 * here; any other text, however close, goes to the decoder. A cached token is used only while the clock is before its
 * expiry (stricter than the decoder's 30 s of skew, so an expired one goes back to the decoder and is refused there).
 * At most {@code most} tokens are kept; beyond that the cache starts again empty. Access tokens are not revocable
 * before they expire (15 minutes) with or without this cache: refresh tokens are.
 */
final class VerifiedAccessTokens implements JwtDecoder {

    private final JwtDecoder decoder;
    private final Clock clock;
    private final int most;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedAccessTokens(JwtDecoder decoder, Clock clock, int most) {
        this.decoder = decoder;
        this.clock = clock;
        this.most = most;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        Instant now = clock.instant();
        if (known != null) {
            if (known.getExpiresAt() != null && now.isBefore(known.getExpiresAt())) {
                return known;
            }
            verified.remove(token);
        }
        Jwt checked = decoder.decode(token);
        if (checked.getExpiresAt() != null && now.isBefore(checked.getExpiresAt())) {
            if (verified.size() >= most) {
                verified.clear();
            }
            verified.put(token, checked);
        }
        return checked;
    }

    int size() {
        return verified.size();
    }
}
