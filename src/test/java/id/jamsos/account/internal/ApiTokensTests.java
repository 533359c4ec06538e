package id.jamsos.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.account.AltchaSolver;
import id.jamsos.account.Visitor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mobile app's sign-in over real HTTP: tokens instead of a session, only under {@code /api/}, refused when forged,
 * expired or revoked, rotated on refresh with a copied refresh token ending its family, and the web form's throttle.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ApiTokensTests {

    static final String PASSWORD = "kopi tubruk di pagi yang cerah";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Value("${jamsos.secrets.api-token-key}")
    String secret;
    @LocalServerPort
    int port;

    @Test
    void aSignedInAppReadsTheApiWithItsAccessTokenAndNoSessionIsKept() throws Exception {
        String email = Visitor.uniqueEmail("app");
        Visitor phone = registered(email);

        HttpResponse<String> answer = raw("POST", "/api/v1/auth/token", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"device\":\"Android 14\"}");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(answer.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(Visitor.SESSION_COOKIE));
        JsonNode tokens = JSON.readTree(answer.body());
        assertThat(tokens.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(tokens.get("refreshExpiresIn").asLong()).isEqualTo(30L * 24 * 3600);

        String access = tokens.get("accessToken").asString();
        Visitor.Page unread = phone.app("GET", "/api/v1/notices/unread", access, null);
        assertThat(unread.status()).isEqualTo(200);
        assertThat(unread.setCookies()).noneMatch(c -> c.startsWith(Visitor.SESSION_COOKIE));
        assertThat(phone.app("GET", "/api/v1/notices/unread", null, null).status()).isEqualTo(401);

        UUID account = accounts.byEmail(email).orElseThrow().id();
        assertThat(jdbc.sql("SELECT count(*) FROM account.spring_session WHERE principal_name = :p")
                .param("p", account.toString()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT device FROM account.api_sign_in WHERE account_id = :a")
                .param("a", account).query(String.class).list()).containsExactly("Android 14");
        assertThat(jdbc.sql("SELECT count(*) FROM account.api_sign_in WHERE token_hash = :t")
                .param("t", tokens.get("refreshToken").asString().getBytes()).query(Long.class).single())
                .as("only the token's HMAC is stored").isZero();
    }

    @Test
    void aTokenOpensTheApiOnlyNotTheWebPagesAndWritesNeedNoCsrfToken() throws Exception {
        String email = Visitor.uniqueEmail("scope");
        Visitor phone = registered(email);
        String access = signIn(email).get("accessToken").asString();

        Visitor.Page page = phone.app("GET", "/akun", access, null);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/masuk");

        assertThat(phone.app("POST", "/api/v1/notices/read", access, null).status()).isBetween(200, 299);
        // The same write with only a session cookie and no CSRF token is refused, as before.
        Visitor browser = Visitor.signedInMember(port, mvc, "Sari Dewi", Visitor.uniqueEmail("browser"), PASSWORD);
        assertThat(browser.postRaw("/api/v1/notices/read", new byte[0]).status()).isEqualTo(403);
    }

    @Test
    void forgedTamperedExpiredOrForeignTokensAreRefused() throws Exception {
        String email = Visitor.uniqueEmail("forged");
        Visitor phone = registered(email);
        String access = signIn(email).get("accessToken").asString();
        assertThat(phone.app("GET", "/api/v1/notices/unread", access, null).status()).isEqualTo(200);

        String[] parts = access.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String promoted = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("\"MEMBER\"", "\"ADMIN\"").getBytes());
        assertThat(payload).contains("\"MEMBER\"");
        assertThat(phone.app("GET", "/api/v1/notices/unread", parts[0] + "." + promoted + "." + parts[2], null)
                .status()).as("payload changed").isEqualTo(401);
        assertThat(phone.app("GET", "/api/v1/notices/unread", parts[0] + "." + parts[1] + ".AAAA", null).status())
                .as("signature replaced").isEqualTo(401);
        assertThat(phone.app("GET", "/api/v1/notices/unread", "not-a-token", null).status()).isEqualTo(401);
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/notices/unread?lang=en"))
                .header("Authorization", "Bearer " + parts[0] + "." + promoted + "." + parts[2]).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer").contains("invalid_token"));
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
        assertThat(refused.body()).contains("Your sign-in has expired or is no longer valid")
                .contains("\"status\":401");
        Visitor.Page none = phone.app("GET", "/api/v1/notices/unread", null, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body()).contains("Silakan masuk terlebih dahulu");

        UUID account = accounts.byEmail(email).orElseThrow().id();
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        assertThat(phone.app("GET", "/api/v1/notices/unread", token(otherKey, account, Instant.now(), "jamsos-api"),
                null).status()).as("signed with another key").isEqualTo(401);
        byte[] ourKey = signingKey();
        assertThat(phone.app("GET", "/api/v1/notices/unread", token(ourKey, account, Instant.now(), "jamsos-api"),
                null).status()).as("our key: the control case").isEqualTo(200);
        assertThat(phone.app("GET", "/api/v1/notices/unread", token(ourKey, account, Instant.now(), "other-api"),
                null).status()).as("another audience").isEqualTo(401);
        assertThat(phone.app("GET", "/api/v1/notices/unread",
                token(ourKey, account, Instant.now().minus(Duration.ofMinutes(20)), "jamsos-api"), null).status())
                .as("expired five minutes ago").isEqualTo(401);

        ApiTokens yesterday = new ApiTokens(jdbc, Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC),
                accounts, secret);
        String old = yesterday.issue(accounts.byId(account).orElseThrow().signedIn(), "test").accessToken();
        assertThat(phone.app("GET", "/api/v1/notices/unread", old, null).status()).isEqualTo(401);
    }

    @Test
    void refreshRotatesTheTokensAndACopiedRefreshTokenEndsTheWholeSignIn() throws Exception {
        String email = Visitor.uniqueEmail("rotate");
        Visitor phone = registered(email);
        JsonNode first = signIn(email);

        Visitor.Page refreshed = phone.app("POST", "/api/v1/auth/refresh", null,
                "{\"refreshToken\":\"" + first.get("refreshToken").asString() + "\"}");
        assertThat(refreshed.status()).isEqualTo(200);
        JsonNode second = JSON.readTree(refreshed.body());
        assertThat(second.get("refreshToken").asString()).isNotEqualTo(first.get("refreshToken").asString());
        assertThat(phone.app("GET", "/api/v1/notices/unread", second.get("accessToken").asString(), null).status())
                .isEqualTo(200);

        // The first token again: someone copied it. Both it and the newest token of its family stop working.
        Visitor.Page replayed = phone.app("POST", "/api/v1/auth/refresh", null,
                "{\"refreshToken\":\"" + first.get("refreshToken").asString() + "\"}");
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.body()).contains("Sesi masuk ini telah berakhir");
        assertThat(phone.app("POST", "/api/v1/auth/refresh", null,
                "{\"refreshToken\":\"" + second.get("refreshToken").asString() + "\"}").status()).isEqualTo(401);

        // Another sign-in (another device) is a family of its own and is untouched; refreshed a hundred times, it is
        // still one row.
        String tablet = signIn(email).get("refreshToken").asString();
        for (int i = 0; i < 100; i++) {
            Visitor.Page next = phone.app("POST", "/api/v1/auth/refresh", null, "{\"refreshToken\":\"" + tablet + "\"}");
            assertThat(next.status()).as("refresh " + i).isEqualTo(200);
            tablet = JSON.readTree(next.body()).get("refreshToken").asString();
        }
        UUID account = accounts.byEmail(email).orElseThrow().id();
        assertThat(jdbc.sql("SELECT revoked_at IS NULL AS live, generation FROM account.api_sign_in WHERE account_id = :a"
                        + " ORDER BY signed_in_at").param("a", account).query((rs, n) -> rs.getBoolean("live") + ":"
                        + rs.getInt("generation")).list()).containsExactly("false:2", "true:101");

        // A token with its sign-in's id but a generation or random part made up is refused and ends nothing.
        String[] parts = tablet.split("\\.");
        for (String forged : new String[] {parts[0] + "." + (Integer.parseInt(parts[1]) + 1) + "." + parts[2],
                parts[0] + "." + parts[1] + "." + "A".repeat(43), parts[0] + "..", "x.y.z"}) {
            assertThat(phone.app("POST", "/api/v1/auth/refresh", null, "{\"refreshToken\":\"" + forged + "\"}")
                    .status()).as(forged).isEqualTo(401);
        }
        assertThat(phone.app("POST", "/api/v1/auth/refresh", null, "{\"refreshToken\":\"" + tablet + "\"}").status())
                .as("the real token still works").isEqualTo(200);
    }

    @Test
    void endedSignInsAreForgottenAfterAWeek() throws Exception {
        String email = Visitor.uniqueEmail("forget");
        Visitor phone = registered(email);
        String ended = signIn(email).get("refreshToken").asString();
        String recent = signIn(email).get("refreshToken").asString();
        String live = signIn(email).get("refreshToken").asString();
        phone.app("POST", "/api/v1/auth/revoke", null, "{\"refreshToken\":\"" + ended + "\"}");
        phone.app("POST", "/api/v1/auth/revoke", null, "{\"refreshToken\":\"" + recent + "\"}");
        UUID account = accounts.byEmail(email).orElseThrow().id();
        jdbc.sql("UPDATE account.api_sign_in SET revoked_at = now() - interval '8 days' WHERE family_id = :f")
                .param("f", UUID.fromString(ended.substring(0, 36))).update();

        new ApiTokens(jdbc, Clock.systemUTC(), accounts, secret).forgetEnded();

        assertThat(jdbc.sql("SELECT family_id FROM account.api_sign_in WHERE account_id = :a").param("a", account)
                .query(UUID.class).list()).containsExactlyInAnyOrder(UUID.fromString(recent.substring(0, 36)),
                UUID.fromString(live.substring(0, 36)));
    }

    @Test
    void signingOutOnTheDeviceOrChangingThePasswordEndsItsRefreshTokens() throws Exception {
        String email = Visitor.uniqueEmail("revoke");
        Visitor phone = registered(email);
        JsonNode one = signIn(email);
        JsonNode two = signIn(email);

        assertThat(phone.app("POST", "/api/v1/auth/revoke", null,
                "{\"refreshToken\":\"" + one.get("refreshToken").asString() + "\"}").status()).isEqualTo(204);
        assertThat(phone.app("POST", "/api/v1/auth/refresh", null,
                "{\"refreshToken\":\"" + one.get("refreshToken").asString() + "\"}").status()).isEqualTo(401);
        assertThat(phone.app("POST", "/api/v1/auth/revoke", null, "{\"refreshToken\":\"unknown\"}").status())
                .as("an unknown token tells nothing").isEqualTo(204);

        Visitor browser = new Visitor(port, mvc);
        browser.signIn(email, PASSWORD);
        browser.submit("/akun", "/akun/sandi", "currentPassword", PASSWORD, "newPassword",
                "teh manis hangat di sore yang teduh");
        assertThat(phone.app("POST", "/api/v1/auth/refresh", null,
                "{\"refreshToken\":\"" + two.get("refreshToken").asString() + "\"}").status())
                .as("the password change ended every device").isEqualTo(401);
    }

    @Test
    void wrongPasswordsAreThrottledAsOnTheWebAndStaffAndUnverifiedAccountsGetNoTokens() throws Exception {
        String email = Visitor.uniqueEmail("throttle");
        registered(email);
        Visitor attacker = new Visitor(port, mvc);
        for (int i = 0; i < 3; i++) {
            Visitor.Page failed = attacker.app("POST", "/api/v1/auth/token", null,
                    "{\"email\":\"" + email + "\",\"password\":\"salah " + i + "\"}");
            assertThat(failed.status()).isEqualTo(401);
            assertThat(failed.body()).contains("Alamat surel atau kata sandi salah").contains("\"reason\":\"BAD_CREDENTIALS\"");
        }
        Visitor.Page challenge = attacker.app("POST", "/api/v1/auth/token?lang=en", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.body()).contains("\"challengeRequired\":true").contains("Too many failed attempts");
        Visitor.Page solved = attacker.app("POST", "/api/v1/auth/token", null, "{\"email\":\"" + email
                + "\",\"password\":\"" + PASSWORD + "\",\"altcha\":\"" + AltchaSolver.solve(mvc) + "\"}");
        assertThat(solved.status()).isEqualTo(200);
        for (int i = 3; i < 10; i++) {
            attacker.app("POST", "/api/v1/auth/token", null, "{\"email\":\"" + email + "\",\"password\":\"salah " + i
                    + "\",\"altcha\":\"" + AltchaSolver.solve(mvc) + "\"}");
        }
        HttpResponse<String> limited = raw("POST", "/api/v1/auth/token", attacker.address(),
                "{\"email\":\"" + email + "\",\"password\":\"salah lagi\"}");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                v -> assertThat(Long.parseLong(v)).isBetween(1L, 3600L));
        assertThat(limited.body()).containsPattern("[0-9]{2}\\.[0-9]{2} WIB");
        List<String> audited = jdbc.sql("SELECT action || ':' || outcome FROM audit.audit_event WHERE actor = :e AND ip_address = :ip ORDER BY id")
                .param("e", email).param("ip", attacker.address()).query(String.class).list();
        assertThat(audited).startsWith("SIGN_IN:FAILURE", "SIGN_IN:FAILURE", "SIGN_IN:FAILURE",
                "SIGN_IN_CHALLENGE_MISSING:DENIED", "SIGN_IN:SUCCESS");

        Visitor office = new Visitor(port, mvc);
        Visitor.Page staff = office.app("POST", "/api/v1/auth/token", null,
                "{\"email\":\"petugas@demo.jamsos.test\",\"password\":\"Petugas-Demo-Jamsos-2\"}");
        assertThat(staff.status()).isEqualTo(403);
        assertThat(staff.body()).contains("\"reason\":\"STAFF\"").doesNotContain("accessToken");

        String unverified = Visitor.uniqueEmail("unverified");
        new Visitor(port, mvc).register("Tono Sugiarto", unverified, "081298765432", PASSWORD, "id");
        Visitor.Page notVerified = office.app("POST", "/api/v1/auth/token", null,
                "{\"email\":\"" + unverified + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(notVerified.status()).isEqualTo(403);
        assertThat(notVerified.body()).contains("\"reason\":\"NOT_VERIFIED\"");
    }

    @Test
    void malformedRequestsAreAClearRefusalNotAnError() throws Exception {
        Visitor phone = new Visitor(port, mvc);
        assertThat(phone.app("POST", "/api/v1/auth/token", null, "{\"email\":").status()).isEqualTo(400);
        assertThat(phone.app("POST", "/api/v1/auth/token", null, null).status()).isEqualTo(401);
        assertThat(phone.app("POST", "/api/v1/auth/refresh", null, "{\"refreshToken\":42}").status()).isEqualTo(401);
        assertThat(phone.app("POST", "/api/v1/auth/refresh", null, "{\"refreshToken\":\"" + "x".repeat(5000) + "\"}")
                .status()).isEqualTo(401);
    }

    private Visitor registered(String email) throws Exception {
        Visitor visitor = new Visitor(port, mvc);
        visitor.registerAndVerify("Wulan Sari", email, PASSWORD);
        return visitor;
    }

    private JsonNode signIn(String email) throws Exception {
        Visitor.Page answer = new Visitor(port, mvc).app("POST", "/api/v1/auth/token", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> raw(String method, String path, String address, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (address != null) {
            request.header("X-Forwarded-For", address);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The access-token key as ApiTokens derives it from the configured secret. */
    private byte[] signingKey() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.trim()), "HmacSHA256"));
        return mac.doFinal("jamsos api access token v1".getBytes());
    }

    private static String token(byte[] key, UUID account, Instant issued, String audience) {
        NimbusJwtEncoder encoder = NimbusJwtEncoder.withSecretKey(new SecretKeySpec(key, "HmacSHA256"))
                .algorithm(MacAlgorithm.HS256).build();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("jamsos").audience(List.of(audience))
                .subject(account.toString()).issuedAt(issued).expiresAt(issued.plus(Duration.ofMinutes(15)))
                .claim("name", "Wulan Sari").claim("email", "x@example.id").claim("role", "MEMBER").build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}
