package id.jamsos.payment.snap;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Short-lived bearer tokens for partner banks. A token is 256 random bits; only its SHA-256 is stored (in PostgreSQL,
 * so every app instance accepts it). Checked tokens are remembered in memory until they expire, so a busy bank does
 * not cost a query per call; the memory holds at most {@value #MAX_REMEMBERED} tokens.
 */
@Component
class AccessTokens {

    static final int MAX_REMEMBERED = 10_000;

    private final JdbcClient jdbc;
    private final PartnerBanks banks;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    record Issued(String token, Duration lifetime) {
    }

    private record Remembered(PartnerBank bank, Instant expiresAt) {
    }

    AccessTokens(JdbcClient jdbc, PartnerBanks banks, SnapProperties properties) {
        this.jdbc = jdbc;
        this.banks = banks;
        this.lifetime = properties.tokenLifetime();
    }

    Issued issue(PartnerBank bank, Instant now) {
        byte[] bits = new byte[32];
        random.nextBytes(bits);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        jdbc.sql("DELETE FROM payment.snap_access_token WHERE token_hash IN (SELECT token_hash FROM payment.snap_access_token"
                        + " WHERE expires_at < :now LIMIT 100)")
                .param("now", Timestamp.from(now.minus(Duration.ofDays(1)))).update();
        jdbc.sql("INSERT INTO payment.snap_access_token (token_hash, partner_id, issued_at, expires_at)"
                        + " VALUES (:hash, :partner, :now, :expires)")
                .param("hash", hash(token)).param("partner", bank.partnerId()).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(lifetime))).update();
        return new Issued(token, lifetime);
    }

    /** The bank a token was issued to, if the token is ours and still good at {@code now}. */
    Optional<PartnerBank> holder(String token, Instant now) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        String key = HexFormat.of().formatHex(hash(token));
        Remembered known = remembered.get(key);
        if (known == null) {
            known = jdbc.sql("SELECT partner_id, expires_at FROM payment.snap_access_token WHERE token_hash = :hash")
                    .param("hash", hash(token))
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant()})
                    .optional()
                    .flatMap(row -> banks.byPartnerId((String) row[0]).map(bank -> new Remembered(bank, (Instant) row[1])))
                    .orElse(null);
            if (known == null) {
                return Optional.empty();
            }
            remember(key, known, now);
        }
        return known.expiresAt().isAfter(now) ? Optional.of(known.bank()) : Optional.empty();
    }

    private void remember(String key, Remembered token, Instant now) {
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.values().removeIf(t -> !t.expiresAt().isAfter(now));
            if (remembered.size() >= MAX_REMEMBERED) {
                return;
            }
        }
        remembered.put(key, token);
    }

    private static byte[] hash(String token) {
        return SnapSignatures.sha256(token.getBytes(StandardCharsets.UTF_8));
    }
}
