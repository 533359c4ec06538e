package id.jamsos.account.api;

import id.jamsos.account.internal.ApiSignIn;
import id.jamsos.common.JakartaTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How the mobile app signs in: e-mail and password (the web form's checks: throttle, "I'm not a robot" challenge after
 * repeated failures, audit) give a short-lived access token to send as {@code Authorization: Bearer …} to every other
 * {@code /api/v1} call, and a refresh token that buys the next pair once. No session and no CSRF token are involved.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Sign-in", description = "Access and refresh tokens for the mobile app")
class TokensApi {

    static final URI REFUSED = URI.create("https://jamsos.id/problems/sign-in-refused");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm");

    /** {@code altcha}: the solved challenge from {@code GET /altcha/challenge}, when a refusal asked for one. */
    record TokenRequest(String email, String password, String altcha, String device) {
    }

    record RefreshRequest(String refreshToken, String device) {
    }

    /** Lifetimes in seconds. */
    record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
                         long refreshExpiresIn) {
    }

    private final ApiSignIn signIn;
    private final MessageSource messages;
    private final Clock clock;

    TokensApi(ApiSignIn signIn, MessageSource messages, Clock clock) {
        this.signIn = signIn;
        this.messages = messages;
        this.clock = clock;
    }

    @Operation(summary = "Signs in with e-mail and password; answers an access token (15 minutes) and a refresh "
            + "token (30 days). 401 for a wrong e-mail or password (challengeRequired: solve GET /altcha/challenge "
            + "and send it as altcha), 429 with Retry-After at the hourly limit, 403 for an unverified address or a "
            + "staff account.")
    @PostMapping("/token")
    ResponseEntity<?> token(@RequestBody(required = false) TokenRequest body, HttpServletRequest request,
                            Locale locale) {
        TokenRequest typed = body == null ? new TokenRequest(null, null, null, null) : body;
        ApiSignIn.Outcome outcome = signIn.signIn(typed.email(), typed.password(), typed.altcha(),
                request.getRemoteAddr(), locale, device(typed.device(), request));
        if (outcome instanceof ApiSignIn.SignedIn signedIn) {
            return tokens(signedIn.tokens());
        }
        ApiSignIn.Refused refused = (ApiSignIn.Refused) outcome;
        return switch (refused.reason()) {
            case BAD_CREDENTIALS ->
                    refusal(HttpStatus.UNAUTHORIZED, refused, text("signin.error.bad-credentials", locale));
            case CHALLENGE_REQUIRED ->
                    refusal(HttpStatus.UNAUTHORIZED, refused, text("signin.error.challenge-required", locale));
            case LIMITED -> {
                ResponseEntity<ProblemDetail> limited = refusal(HttpStatus.TOO_MANY_REQUESTS, refused,
                        messages.getMessage("signin.error.limited", new Object[] {
                                TIME.format(refused.retryAt().atZone(JakartaTime.ZONE)) + " WIB"}, locale));
                long seconds = Math.max(1, Duration.between(clock.instant(), refused.retryAt()).toSeconds());
                yield ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(limited.getBody());
            }
            case NOT_VERIFIED -> refusal(HttpStatus.FORBIDDEN, refused, text("signin.error.not-verified", locale));
            case STAFF -> refusal(HttpStatus.FORBIDDEN, refused, text("api.token.staff", locale));
        };
    }

    @Operation(summary = "Spends a refresh token for a new pair. A token used twice ends its whole family: sign in "
            + "again. 401 when it is unknown, expired, revoked or spent.")
    @PostMapping("/refresh")
    ResponseEntity<?> refresh(@RequestBody(required = false) RefreshRequest body, HttpServletRequest request,
                              Locale locale) {
        String token = body == null ? null : body.refreshToken();
        return signIn.refresh(token, device(body == null ? null : body.device(), request))
                .<ResponseEntity<?>>map(this::tokens)
                .orElseGet(() -> {
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                            text("api.token.refresh-invalid", locale));
                    problem.setType(REFUSED);
                    return ResponseEntity.status(HttpStatus.UNAUTHORIZED).cacheControl(CacheControl.noStore())
                            .body(problem);
                });
    }

    @Operation(summary = "Signs the device out: its refresh token (and every token refreshed from the same sign-in) "
            + "stops working. Always 204, so it tells nothing about the token.")
    @PostMapping("/revoke")
    ResponseEntity<Void> revoke(@RequestBody(required = false) RefreshRequest body) {
        signIn.signOut(body == null ? null : body.refreshToken());
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<?> tokens(ApiSignIn.Tokens tokens) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new TokenResponse(tokens.accessToken(), "Bearer", tokens.expiresIn(), tokens.refreshToken(),
                        tokens.refreshExpiresIn()));
    }

    private ResponseEntity<ProblemDetail> refusal(HttpStatus status, ApiSignIn.Refused refused, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(REFUSED);
        problem.setProperty("reason", refused.reason().name());
        problem.setProperty("challengeRequired", refused.challengeRequired());
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(problem);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    /** What the account's device list would show: the app's own name for the device, else its User-Agent. */
    private static String device(String named, HttpServletRequest request) {
        String device = named == null || named.isBlank() ? request.getHeader(HttpHeaders.USER_AGENT) : named.strip();
        return device == null ? "" : device;
    }
}
