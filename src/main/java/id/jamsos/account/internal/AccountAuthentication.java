package id.jamsos.account.internal;

import id.jamsos.audit.AuditEntry;
import id.jamsos.audit.AuditLog;
import id.jamsos.audit.AuditOutcome;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Sign-in with e-mail and password, throttled by {@link SignInThrottle} and guarded by {@link AltchaChallenges}.
 * Unknown addresses take the same path and time as known ones (Spring's provider hashes a dummy password), and
 * every outcome lands in the audit trail.
 */
class AccountAuthentication implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final AltchaChallenges challenges;
    private final Accounts accounts;
    private final AuditLog audit;

    AccountAuthentication(AccountUserDetails.Lookup lookup, PasswordEncoder encoder, SignInThrottle throttle,
                          AltchaChallenges challenges, Accounts accounts, AuditLog audit) {
        this.passwords = new DaoAuthenticationProvider(lookup);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
        this.challenges = challenges;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String email = String.valueOf(attempt.getName()).strip().toLowerCase(Locale.ROOT);
        if (email.length() > 254) {
            email = email.substring(0, 254);
        }
        SignInDetails details = attempt.getDetails() instanceof SignInDetails d ? d : new SignInDetails("unknown", null, "id");
        SignInThrottle.Status status = throttle.status(email, details.ipAddress());
        boolean solved = status.challengeRequired() && challenges.verifyAndSpend(details.altchaPayload());
        if (status.limited() && !solved) {
            audit(email, details, "SIGN_IN_THROTTLED", AuditOutcome.DENIED, null);
            throw new SignInRefused(SignInRefused.Reason.LIMITED, true, status.retryAt());
        }
        if (status.challengeRequired() && !solved) {
            audit(email, details, "SIGN_IN_CHALLENGE_MISSING", AuditOutcome.DENIED, null);
            throw new SignInRefused(SignInRefused.Reason.CHALLENGE_REQUIRED, true, null);
        }
        Authentication checked;
        try {
            checked = passwords.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(email, attempt.getCredentials()));
        } catch (BadCredentialsException e) {
            throttle.record(email, details.ipAddress(), false);
            SignInThrottle.Status after = throttle.status(email, details.ipAddress());
            audit(email, details, "SIGN_IN", AuditOutcome.FAILURE, null);
            throw new SignInRefused(after.limited() ? SignInRefused.Reason.LIMITED : SignInRefused.Reason.BAD_CREDENTIALS,
                    after.challengeRequired(), after.retryAt());
        }
        Account account = ((AccountUserDetails) checked.getPrincipal()).account();
        if (!account.verified()) {
            audit(email, details, "SIGN_IN_UNVERIFIED", AuditOutcome.DENIED, account);
            throw new SignInRefused(SignInRefused.Reason.NOT_VERIFIED, false, null);
        }
        throttle.record(email, details.ipAddress(), true);
        accounts.changeLanguage(account.id(), details.language());
        audit(email, details, "SIGN_IN", AuditOutcome.SUCCESS, account);
        return UsernamePasswordAuthenticationToken.authenticated(account.signedIn(), null, checked.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private void audit(String email, SignInDetails details, String action, AuditOutcome outcome, Account account) {
        audit.record(new AuditEntry(account == null ? null : account.id(), email, action, "ACCOUNT",
                account == null ? null : account.id().toString(), details.ipAddress(), outcome,
                Map.of()));
    }
}
