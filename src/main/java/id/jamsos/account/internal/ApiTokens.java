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
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mobile app's credentials. After a sign-in with e-mail and password (the same checks, throttle and audit as the
 * web form) the app holds two tokens:
 * <ul>
 *   <li>an <b>access token</b>: a JWT signed with HMAC-SHA-256, valid {@link #ACCESS} and checked on every API call
 *   without touching the database (that is what lets the balance API answer in milliseconds); it carries the account
 *   id, name, e-mail and role, as the web session does;</li>
 *   <li>a <b>refresh token</b>: its sign-in's id and generation with 256 random bits, valid {@link #REFRESH}, of
 *   which only an HMAC is stored, one row per sign-in of a device ({@code account.api_sign_in}). Each use spends it
 *   and issues the next generation; an older generation presented again means it was copied, and the sign-in is
 *   revoked, so the thief and the owner both have to sign in again.</li>
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

    /** Access tokens remembered as verified (about 1 KB each), per instance. */
    static final int VERIFIED_TOKENS = 50_000;

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
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(
                new VerifiedAccessTokens(decoder, clock, VERIFIED_TOKENS));
        provider.setJwtAuthenticationConverter(ApiTokens::authentication);
        return new ProviderManager(provider);
    }

    static boolean mayHold(Role role) {
        return ROLES.contains(role);
    }

    /** A new sign-in (a new family of refresh tokens) for this device. */
    Issued issue(SignedInAccount account, String device) {
        UUID family = UUID.randomUUID();
        Refresh first = Refresh.next(family, 0);
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO account.api_sign_in (family_id, account_id, generation, token_hash, signed_in_at,
                                                         expires_at, device)
                        VALUES (:family, :account, 1, :hash, :now, :expires, :device)""")
                .param("family", family).param("account", account.id()).param("hash", hash(first.token()))
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(REFRESH)))
                .param("device", device == null ? "" : device.length() > 200 ? device.substring(0, 200) : device)
                .update();
        return issued(account, first);
    }

    /**
     * Spends the refresh token and issues its successor: empty when the token is malformed, unknown, expired, revoked
     * or of an older generation than its sign-in's current one (then the sign-in is revoked: the token was copied),
     * or when its account may no longer hold tokens.
     */
    @Transactional
    Optional<Issued> refresh(String refreshToken, String device) {
        Optional<Refresh> presented = Refresh.parse(refreshToken);
        if (presented.isEmpty()) {
            return Optional.empty();
        }
        Refresh token = presented.get();
        Refresh next = Refresh.next(token.family(), token.generation());
        Instant now = clock.instant();
        Optional<UUID> account = jdbc.sql("""
                        UPDATE account.api_sign_in
                           SET generation = :next, token_hash = :nextHash, refreshed_at = :now, expires_at = :expires
                         WHERE family_id = :family AND generation = :generation AND token_hash = :hash
                           AND revoked_at IS NULL AND expires_at > :now
                        RETURNING account_id""")
                .param("next", next.generation()).param("nextHash", hash(next.token())).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(REFRESH))).param("family", token.family())
                .param("generation", token.generation()).param("hash", hash(token.token()))
                .query(UUID.class).optional();
        if (account.isEmpty()) {
            // An older generation of a live sign-in: whoever holds its current token may be a thief. End it.
            jdbc.sql("""
                            UPDATE account.api_sign_in SET revoked_at = :now
                             WHERE family_id = :family AND generation > :generation AND revoked_at IS NULL""")
                    .param("now", Timestamp.from(now)).param("family", token.family())
                    .param("generation", token.generation()).update();
            return Optional.empty();
        }
        Optional<Account> holder = accounts.byId(account.get()).filter(a -> a.verified() && mayHold(a.role()));
        if (holder.isEmpty()) {
            signOut(token.family(), now);
            return Optional.empty();
        }
        return Optional.of(issued(holder.get().signedIn(), next));
    }

    /** Signs the device out: its sign-in's refresh token, whatever its generation, can no longer be used. */
    void revoke(String refreshToken) {
        Refresh.parse(refreshToken).ifPresent(token -> signOut(token.family(), clock.instant()));
    }

    /** Ends every device of the account (password changed or reset). */
    void revokeAll(UUID accountId) {
        jdbc.sql("UPDATE account.api_sign_in SET revoked_at = :now WHERE account_id = :a AND revoked_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("a", accountId).update();
    }

    /** Sign-ins that ended (revoked or expired) more than a week ago are forgotten; a week is kept for inquiries. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetEnded() {
        jdbc.sql("DELETE FROM account.api_sign_in WHERE least(revoked_at, expires_at) < :before")
                .param("before", Timestamp.from(clock.instant().minus(Duration.ofDays(7)))).update();
    }

    private void signOut(UUID family, Instant now) {
        jdbc.sql("UPDATE account.api_sign_in SET revoked_at = :now WHERE family_id = :family AND revoked_at IS NULL")
                .param("now", Timestamp.from(now)).param("family", family).update();
    }

    /**
     * A refresh token as the app holds it: {@code <family>.<generation>.<256 random bits>}. The family and generation
     * in clear let a refresh find its sign-in by primary key and recognise an older generation; only the random part
     * makes it a secret (the database keeps the whole token's HMAC).
     */
    private record Refresh(UUID family, int generation, String token) {

        static Refresh next(UUID family, int generation) {
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            int next = generation + 1;
            return new Refresh(family, next,
                    family + "." + next + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        }

        static Optional<Refresh> parse(String token) {
            if (token == null || token.length() > 120) {
                return Optional.empty();
            }
            String[] parts = token.split("\\.", -1);
            if (parts.length != 3 || parts[0].length() != 36 || parts[1].isEmpty() || parts[1].length() > 9
                    || !parts[1].chars().allMatch(Character::isDigit) || parts[2].length() != 43) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Refresh(UUID.fromString(parts[0]), Integer.parseInt(parts[1]), token));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /** The signed-in account an access token stands for, as the web session would hold it. */
    static AbstractAuthenticationToken authentication(Jwt jwt) {
        Role role = Role.valueOf(jwt.getClaimAsString("role"));
        SignedInAccount account = new SignedInAccount(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString("name"),
                jwt.getClaimAsString("email"), role);
        return UsernamePasswordAuthenticationToken.authenticated(account, null,
                List.of(new SimpleGrantedAuthority(role.authority())));
    }

    private Issued issued(SignedInAccount account, Refresh refresh) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER).audience(List.of(AUDIENCE)).subject(account.id().toString())
                .issuedAt(now).expiresAt(now.plus(ACCESS)).id(UUID.randomUUID().toString())
                .claim("name", account.fullName()).claim("email", account.email()).claim("role", account.role().name())
                .build();
        String access = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new Issued(access, ACCESS.toSeconds(), refresh.token(), REFRESH.toSeconds());
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
