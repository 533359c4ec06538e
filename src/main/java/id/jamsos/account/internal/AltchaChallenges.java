package id.jamsos.account.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.altcha.altcha.Altcha;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ALTCHA proof-of-work challenges, made and checked here, with no third-party service: the browser must find a
 * number by hashing, which costs a person a second and a bot farm real money. A solved challenge is accepted once.
 */
@Component
class AltchaChallenges {

    private static final Logger log = LoggerFactory.getLogger(AltchaChallenges.class);
    static final Duration VALIDITY = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String hmacKey;
    private final long maxNumber;

    AltchaChallenges(JdbcClient jdbc, Clock clock, @Value("${jamsos.secrets.altcha-key}") String hmacKey,
                     @Value("${jamsos.altcha.max-number:50000}") long maxNumber) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.hmacKey = hmacKey;
        this.maxNumber = maxNumber;
    }

    /** A new challenge, as the widget expects it (JSON fields algorithm, challenge, maxnumber, salt, signature). */
    Altcha.Challenge create() {
        try {
            return Altcha.createChallenge(new Altcha.ChallengeOptions()
                    .setHmacKey(hmacKey)
                    .setMaxNumber(maxNumber)
                    .setExpiresInSeconds(VALIDITY.toSeconds()));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create an ALTCHA challenge", e);
        }
    }

    /** Whether the widget's payload (Base64 JSON) solves one of our challenges that was not used before. */
    boolean verifyAndSpend(String payload) {
        if (payload == null || payload.isBlank() || payload.length() > 2000) {
            return false;
        }
        try {
            if (!Altcha.verifySolution(payload, hmacKey, true)) {
                return false;
            }
            JsonNode solved = json.readTree(new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8));
            String signature = solved.path("signature").asString();
            return jdbc.sql("INSERT INTO account.spent_challenge (signature, expires_at) VALUES (:signature, :expires) "
                            + "ON CONFLICT DO NOTHING")
                    .param("signature", signature)
                    .param("expires", java.sql.Timestamp.from(clock.instant().plus(VALIDITY)))
                    .update() == 1;
        } catch (Exception e) {
            log.debug("Refused an ALTCHA payload that does not parse: {}", e.getMessage());
            return false;
        }
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void forgetExpired() {
        jdbc.sql("DELETE FROM account.spent_challenge WHERE expires_at < :now")
                .param("now", java.sql.Timestamp.from(clock.instant())).update();
    }
}
