package id.jamsos.membership.internal;

import id.jamsos.common.PersonName;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The public check behind the card's QR code: anyone holding the card can show that it is real and active,
 * learning only a masked name and the status.
 */
@Service
public class CardCheck {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    public record Result(String maskedName, String status) {
    }

    private final JdbcClient jdbc;

    CardCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Result> check(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT full_name, status FROM membership.member WHERE verify_token = :token")
                .param("token", token)
                .query((rs, row) -> new Result(new PersonName(rs.getString("full_name")).masked(), rs.getString("status")))
                .optional();
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
