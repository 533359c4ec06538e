package id.jamsos.account.internal;

import id.jamsos.audit.AuditEntry;
import id.jamsos.audit.AuditLog;
import id.jamsos.audit.AuditOutcome;
import id.jamsos.common.EmailAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot password": a single-use link valid 30 minutes, at most three an hour per account, and the same answer
 * whether or not the address has an account. A new password ends every session of the account.
 */
@Service
public class PasswordReset {

    public enum Outcome { CHANGED, INVALID_LINK }

    static final int REQUESTS_PER_HOUR = 3;

    private final Accounts accounts;
    private final LinkTokens tokens;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final AccountMail mail;
    private final Sessions sessions;
    private final AuditLog audit;
    private final Clock clock;

    PasswordReset(Accounts accounts, LinkTokens tokens, PasswordPolicy policy, PasswordEncoder encoder,
                  AccountMail mail, Sessions sessions, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.policy = policy;
        this.encoder = encoder;
        this.mail = mail;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void request(EmailAddress email, String ipAddress) {
        accounts.byEmail(email.value())
                .filter(account -> tokens.issuedSince(account.id(), LinkTokens.Purpose.RESET_PASSWORD,
                        clock.instant().minus(Duration.ofHours(1))) < REQUESTS_PER_HOUR)
                .ifPresent(account -> {
                    String token = tokens.issue(account.id(), account.email(), LinkTokens.Purpose.RESET_PASSWORD);
                    mail.resetPassword(account.email(), account.locale(), account.fullName(), token);
                    audit.record(new AuditEntry(account.id(), account.email(), "PASSWORD_RESET_REQUESTED", "ACCOUNT",
                            account.id().toString(), ipAddress, AuditOutcome.SUCCESS, Map.of()));
                });
    }

    public boolean isUsable(String token) {
        return tokens.isUsable(token, LinkTokens.Purpose.RESET_PASSWORD);
    }

    /** Checks the new password against the policy first, so a refused password does not use up the link. */
    @Transactional
    public Outcome complete(String token, String newPassword, String ipAddress) {
        policy.check(newPassword);
        var redeemed = tokens.redeem(token, LinkTokens.Purpose.RESET_PASSWORD);
        if (redeemed.isEmpty()) {
            return Outcome.INVALID_LINK;
        }
        Account account = accounts.byId(redeemed.get().accountId()).orElseThrow();
        accounts.changePassword(account.id(), encoder.encode(newPassword), clock.instant());
        // the link reached the owner's mailbox: that proves the address as well
        accounts.markVerified(account.id(), clock.instant());
        tokens.revokeAll(account.id(), LinkTokens.Purpose.RESET_PASSWORD);
        sessions.endAll(account.id());
        mail.passwordChanged(account.email(), account.locale(), account.fullName());
        audit.record(new AuditEntry(account.id(), account.email(), "PASSWORD_RESET", "ACCOUNT",
                account.id().toString(), ipAddress, AuditOutcome.SUCCESS, Map.of()));
        return Outcome.CHANGED;
    }
}
