package id.jamsos.account.internal;

import id.jamsos.account.Role;
import id.jamsos.account.SignedInAccount;
import id.jamsos.platform.DerivedKeys;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mobile app's credentials. After a sign-in with e-mail and password (the same checks, throttle and audit as the
 * web form) the app holds two tokens:
 * <ul>
 *   <li>an <b>access token</b>: a JWT signed with HMAC-SHA-256, valid {@link #ACCESS} and checked on every API call
 *   without touching the database (that is what lets the balance API answer in milliseconds); it carries the account
 *   id, name, e-mail and role, as the web session does;</li>
 *   <li>a <b>refresh token</b>: 256 random bits, valid {@link #REFRESH}, of which only an HMAC is stored. Each use
 *   spends it and issues its successor in the same family; a spent token presented again means it was copied, and the
 *   whole family is revoked, so the thief and the owner both have to sign in again.</li>
 * </ul>
 * Signing out on the device revokes its family; a password change or reset ends every family of the account (with
 * the web sessions). An access token already issued stays valid until it expires, at most {@link #ACCESS}. Staff
 * accounts get no API tokens: the back office is the web only.
 */
@Component
class ApiTokens {

    static final Duration ACCESS = Duration.ofMinutes(15);
    static final Duration REFRESH = Duration.ofDays(30);
    static final String ISSUER = "jamsos";
    static final String AUDIENCE = "jamsos-api";
    /** The roles the mobile app serves. */
    static final List<Role> ROLES = List.of(Role.MEMBER, Role.EMPLOYER_ADMIN);

    /** What the app receives: both tokens and their lifetimes in seconds. */
    record Issued(String accessToken, long expiresIn, String refreshToken, long refreshExpiresIn) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Accounts accounts;
    private final NimbusJwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final byte[] refreshKey;

    ApiTokens(JdbcClient jdbc, Clock clock, Accounts accounts,
              @Value("${jamsos.secrets.api-token-key}") String secret) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.accounts = accounts;
        SecretKey signing = new SecretKeySpec(DerivedKeys.derive(secret, "jamsos api access token v1"), "HmacSHA256");
        this.refreshKey = DerivedKeys.derive(secret, "jamsos api refresh token v1");
        this.encoder = NimbusJwtEncoder.withSecretKey(signing).algorithm(MacAlgorithm.HS256).build();
        this.decoder = NimbusJwtDecoder.withSecretKey(signing).macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ofSeconds(30));
        expiry.setClock(clock);
        this.decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(expiry, new JwtIssuerValidator(ISSUER),
                audience()));
    }

    /**
     * Checks an access token: signature, expiry, issuer and audience. Its own manager, since the sign-in form's
     * manager knows only passwords.
     */
    AuthenticationManager authenticationManager() {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(ApiTokens::authentication);
        return new ProviderManager(provider);
    }

    static boolean mayHold(Role role) {
        return ROLES.contains(role);
    }

    /** A new family of tokens after a successful sign-in. */
    Issued issue(SignedInAccount account, String device) {
        return issue(account, UUID.randomUUID(), device);
    }

    /**
     * Spends the refresh token and issues its successor: empty when the token is unknown, expired, revoked or already
     * spent (then its family is revoked too), or when its account may no longer hold tokens.
     */
    @Transactional
    Optional<Issued> refresh(String refreshToken, String device) {
        if (refreshToken == null || refreshToken.length() > 100) {
            return Optional.empty();
        }
        byte[] hash = hash(refreshToken);
        Instant now = clock.instant();
        Optional<Spent> spent = jdbc.sql("""
                        UPDATE account.api_refresh_token SET used_at = :now
                        WHERE token_hash = :hash AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :now
                        RETURNING account_id, family_id""")
                .param("now", Timestamp.from(now)).param("hash", hash)
                .query((rs, n) -> new Spent(rs.getObject("account_id", UUID.class), rs.getObject("family_id", UUID.class)))
                .optional();
        if (spent.isEmpty()) {
            // A spent token used again: whoever holds the family's newest token may be a thief. End the family.
            jdbc.sql("""
                            UPDATE account.api_refresh_token SET revoked_at = :now
                            WHERE family_id = (SELECT family_id FROM account.api_refresh_token
                                               WHERE token_hash = :hash AND used_at IS NOT NULL)
                              AND revoked_at IS NULL""")
                    .param("now", Timestamp.from(now)).param("hash", hash).update();
            return Optional.empty();
        }
        return accounts.byId(spent.get().account())
                .filter(a -> a.verified() && mayHold(a.role()))
                .map(a -> issue(a.signedIn(), spent.get().family(), device));
    }

    /** Signs the device out: its refresh token's family can no longer be used. */
    void revoke(String refreshToken) {
        if (refreshToken == null || refreshToken.length() > 100) {
            return;
        }
        jdbc.sql("""
                        UPDATE account.api_refresh_token SET revoked_at = :now
                        WHERE family_id = (SELECT family_id FROM account.api_refresh_token WHERE token_hash = :hash)
                          AND revoked_at IS NULL""")
                .param("now", Timestamp.from(clock.instant())).param("hash", hash(refreshToken)).update();
    }

    /** Ends every device of the account (password changed or reset). */
    void revokeAll(UUID accountId) {
        jdbc.sql("UPDATE account.api_refresh_token SET revoked_at = :now WHERE account_id = :a AND revoked_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("a", accountId).update();
    }

    /** The signed-in account an access token stands for, as the web session would hold it. */
    static AbstractAuthenticationToken authentication(Jwt jwt) {
        Role role = Role.valueOf(jwt.getClaimAsString("role"));
        SignedInAccount account = new SignedInAccount(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString("name"),
                jwt.getClaimAsString("email"), role);
        return UsernamePasswordAuthenticationToken.authenticated(account, null,
                List.of(new SimpleGrantedAuthority(role.authority())));
    }

    private Issued issue(SignedInAccount account, UUID family, String device) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER).audience(List.of(AUDIENCE)).subject(account.id().toString())
                .issuedAt(now).expiresAt(now.plus(ACCESS)).id(UUID.randomUUID().toString())
                .claim("name", account.fullName()).claim("email", account.email()).claim("role", account.role().name())
                .build();
        String access = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        jdbc.sql("""
                        INSERT INTO account.api_refresh_token (token_hash, family_id, account_id, issued_at, expires_at, device)
                        VALUES (:hash, :family, :account, :now, :expires, :device)""")
                .param("hash", hash(refresh)).param("family", family).param("account", account.id())
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(REFRESH)))
                .param("device", device == null ? "" : device.length() > 200 ? device.substring(0, 200) : device)
                .update();
        return new Issued(access, ACCESS.toSeconds(), refresh, REFRESH.toSeconds());
    }

    private record Spent(UUID account, UUID family) {
    }

    private static OAuth2TokenValidator<Jwt> audience() {
        OAuth2Error wrong = new OAuth2Error("invalid_token", "The token is not for this API.", null);
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(AUDIENCE)
                ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(wrong);
    }

    private byte[] hash(String token) {
        return DerivedKeys.hmacSha256(refreshKey, token.getBytes(StandardCharsets.UTF_8));
    }
}
