package id.jamsos.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Single-use links sent by e-mail (verify an address, reset a password, confirm a new address). The link carries 256
 * random bits; the database keeps only their HMAC under the platform's link key, so neither a database reader nor
 * anyone without the key can forge or use a link. A link works once and until it expires.
 */
@Component
class LinkTokens {

    enum Purpose {
        VERIFY_EMAIL(Duration.ofHours(24)),
        /** Also an administrator's invitation to a new staff account, with a longer validity. */
        RESET_PASSWORD(Duration.ofMinutes(30)),
        CHANGE_EMAIL(Duration.ofHours(24));

        final Duration validity;

        Purpose(Duration validity) {
            this.validity = validity;
        }
    }

    /** What a used link stood for. */
    record Redeemed(UUID accountId, String email, Purpose purpose) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecretKeySpec key;

    LinkTokens(JdbcClient jdbc, Clock clock, @Value("${jamsos.secrets.link-key}") String linkKey) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.key = new SecretKeySpec(Base64.getDecoder().decode(linkKey.trim()), "HmacSHA256");
    }

    /** Issues a token for the account and address; answers the token to put into the link. */
    String issue(UUID accountId, String email, Purpose purpose) {
        return issue(accountId, email, purpose, purpose.validity);
    }

    String issue(UUID accountId, String email, Purpose purpose, Duration validity) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO account.email_token (token_hash, account_id, purpose, email, created_at, expires_at)
                        VALUES (:hash, :account, :purpose, :email, :now, :expires)""")
                .param("hash", hash(token)).param("account", accountId).param("purpose", purpose.name())
                .param("email", email).param("now", java.sql.Timestamp.from(now))
                .param("expires", java.sql.Timestamp.from(now.plus(validity))).update();
        return token;
    }

    /**
     * Uses the token once: answers what it stood for, or empty when it is unknown, expired, already used or of
     * another purpose. The single UPDATE makes two clicks at the same moment count once.
     */
    Optional<Redeemed> redeem(String token, Purpose purpose) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        UPDATE account.email_token SET used_at = :now
                        WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now
                        RETURNING account_id, email""")
                .param("now", java.sql.Timestamp.from(clock.instant())).param("hash", hash(token))
                .param("purpose", purpose.name())
                .query((rs, row) -> new Redeemed(rs.getObject("account_id", UUID.class), rs.getString("email"), purpose))
                .optional();
    }

    /** Whether the token is usable now, without using it (to show the new-password form). */
    boolean isUsable(String token, Purpose purpose) {
        if (token == null || token.length() > 100) {
            return false;
        }
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM account.email_token WHERE token_hash = :hash AND purpose = :purpose
                                       AND used_at IS NULL AND expires_at > :now)""")
                .param("hash", hash(token)).param("purpose", purpose.name())
                .param("now", java.sql.Timestamp.from(clock.instant())).query(Boolean.class).single();
    }

    /** How many links of this purpose were sent to the account since the instant: the basis of resend throttling. */
    int issuedSince(UUID accountId, Purpose purpose, Instant since) {
        return jdbc.sql("""
                        SELECT count(*) FROM account.email_token
                        WHERE account_id = :account AND purpose = :purpose AND created_at > :since""")
                .param("account", accountId).param("purpose", purpose.name())
                .param("since", java.sql.Timestamp.from(since)).query(Integer.class).single();
    }

    /** Ends every open link of the purpose for the account (a new password makes older reset links useless). */
    void revokeAll(UUID accountId, Purpose purpose) {
        jdbc.sql("""
                        UPDATE account.email_token SET used_at = :now
                        WHERE account_id = :account AND purpose = :purpose AND used_at IS NULL""")
                .param("now", java.sql.Timestamp.from(clock.instant())).param("account", accountId)
                .param("purpose", purpose.name()).update();
    }

    private byte[] hash(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(token.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
