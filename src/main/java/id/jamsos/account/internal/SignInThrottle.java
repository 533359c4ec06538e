package id.jamsos.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per e-mail typed (known or not, so the count says nothing about who has an account) and per
 * client address over the last hour. From {@value #CHALLENGE_AFTER} failures a solved proof-of-work challenge is
 * required; from {@value #LIMIT} failures sign-in without one is refused until the hour has passed. A correct password
 * with a solved challenge always gets in, so an attacker who fails on purpose cannot lock the owner out.
 */
@Component
class SignInThrottle {

    static final int CHALLENGE_AFTER = 3;
    static final int LIMIT = 10;
    static final Duration WINDOW = Duration.ofHours(1);

    /** What the counts allow for the next attempt. */
    record Status(int failures, boolean challengeRequired, boolean limited, Instant retryAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecretKeySpec key;

    SignInThrottle(JdbcClient jdbc, Clock clock, @Value("${jamsos.secrets.link-key}") String key) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.key = new SecretKeySpec(Base64.getDecoder().decode(key.trim()), "HmacSHA256");
    }

    Status status(String email, String ipAddress) {
        Instant since = clock.instant().minus(WINDOW);
        Counted byEmail = count("email_hash = :key", "key", emailHash(email), since);
        Counted byAddress = count("ip_address = :key", "key", ipAddress, since);
        int failures = Math.max(byEmail.failures, byAddress.failures);
        boolean limited = failures >= LIMIT;
        Instant retryAt = limited ? latest(byEmail, byAddress) : null;
        return new Status(failures, failures >= CHALLENGE_AFTER, limited, retryAt);
    }

    /** Whether sign-ins from this address already need a challenge (to show it on the empty sign-in page). */
    boolean challengeRequiredFrom(String ipAddress) {
        return count("ip_address = :key", "key", ipAddress, clock.instant().minus(WINDOW)).failures >= CHALLENGE_AFTER;
    }

    void record(String email, String ipAddress, boolean succeeded) {
        jdbc.sql("""
                        INSERT INTO account.sign_in_attempt (email_hash, ip_address, attempted_at, succeeded)
                        VALUES (:email, :ip, :at, :succeeded)""")
                .param("email", emailHash(email)).param("ip", ipAddress)
                .param("at", java.sql.Timestamp.from(clock.instant())).param("succeeded", succeeded).update();
    }

    @Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT2M")
    void forgetOldAttempts() {
        jdbc.sql("DELETE FROM account.sign_in_attempt WHERE attempted_at < :before")
                .param("before", java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).update();
    }

    private record Counted(int failures, Instant retryAt) {
    }

    /**
     * Failures in the window, and when the count falls below the limit again: the moment the failure that must age
     * out (the (n − LIMIT + 1)-th oldest) leaves the window.
     */
    private Counted count(String condition, String name, Object value, Instant since) {
        var times = jdbc.sql("SELECT attempted_at FROM account.sign_in_attempt WHERE " + condition
                        + " AND NOT succeeded AND attempted_at > :since ORDER BY attempted_at LIMIT 1000")
                .param(name, value).param("since", java.sql.Timestamp.from(since))
                .query((rs, row) -> rs.getTimestamp(1).toInstant()).list();
        Instant retryAt = times.size() >= LIMIT ? times.get(times.size() - LIMIT).plus(WINDOW) : null;
        return new Counted(times.size(), retryAt);
    }

    private static Instant latest(Counted a, Counted b) {
        if (a.retryAt == null) {
            return b.retryAt;
        }
        if (b.retryAt == null) {
            return a.retryAt;
        }
        return a.retryAt.isAfter(b.retryAt) ? a.retryAt : b.retryAt;
    }

    private byte[] emailHash(String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(("sign-in:" + email).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
