package id.jamsos.account.internal;

import id.jamsos.account.SignedInAccount;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Sign-in for the mobile app: the same check as the web form ({@link AccountAuthentication}: password, throttle,
 * challenge, audit), answered with API tokens instead of a session. See {@link ApiTokens}.
 */
@Component
public class ApiSignIn {

    /** Both tokens and their lifetimes in seconds. */
    public record Tokens(String accessToken, long expiresIn, String refreshToken, long refreshExpiresIn) {
    }

    public sealed interface Outcome {
    }

    public record SignedIn(Tokens tokens) implements Outcome {
    }

    /** {@code retryAt} when the hourly limit is reached; {@code challengeRequired} when a solved challenge is needed. */
    public record Refused(Reason reason, boolean challengeRequired, Instant retryAt) implements Outcome {
    }

    public enum Reason {
        BAD_CREDENTIALS, CHALLENGE_REQUIRED, LIMITED, NOT_VERIFIED,
        /** Staff accounts work in the back office, not through the app. */
        STAFF
    }

    private final AuthenticationManager manager;
    private final ApiTokens tokens;

    ApiSignIn(SecurityConfiguration.SignInCheck check, ApiTokens tokens) {
        this.manager = check.manager();
        this.tokens = tokens;
    }

    public Outcome signIn(String email, String password, String altcha, String ipAddress, Locale language,
                          String device) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(
                email == null ? "" : email, password == null ? "" : password);
        attempt.setDetails(new SignInDetails(ipAddress, altcha, "en".equals(language.getLanguage()) ? "en" : "id"));
        Authentication done;
        try {
            done = manager.authenticate(attempt);
        } catch (SignInRefused e) {
            return new Refused(Reason.valueOf(e.reason().name()), e.challengeRequired(), e.retryAt());
        }
        SignedInAccount account = (SignedInAccount) done.getPrincipal();
        if (!ApiTokens.mayHold(account.role())) {
            return new Refused(Reason.STAFF, false, null);
        }
        return new SignedIn(tokens(tokens.issue(account, device)));
    }

    /** New tokens for a refresh token that has not been spent, revoked or copied; empty otherwise. */
    public Optional<Tokens> refresh(String refreshToken, String device) {
        return tokens.refresh(refreshToken, device).map(ApiSignIn::tokens);
    }

    public void signOut(String refreshToken) {
        tokens.revoke(refreshToken);
    }

    private static Tokens tokens(ApiTokens.Issued issued) {
        return new Tokens(issued.accessToken(), issued.expiresIn(), issued.refreshToken(), issued.refreshExpiresIn());
    }
}
