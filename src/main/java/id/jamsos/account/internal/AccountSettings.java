package id.jamsos.account.internal;

import id.jamsos.audit.AuditEntry;
import id.jamsos.audit.AuditLog;
import id.jamsos.audit.AuditOutcome;
import id.jamsos.common.EmailAddress;
import id.jamsos.common.InvalidValue;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A signed-in person changes their password or e-mail address; both ask for the current password first. */
@Service
public class AccountSettings {

    public enum EmailChange { CHANGED, TAKEN, INVALID_LINK }

    private final Accounts accounts;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final LinkTokens tokens;
    private final AccountMail mail;
    private final Sessions sessions;
    private final SignInThrottle throttle;
    private final AuditLog audit;
    private final Clock clock;

    AccountSettings(Accounts accounts, PasswordPolicy policy, PasswordEncoder encoder, LinkTokens tokens,
                    AccountMail mail, Sessions sessions, SignInThrottle throttle, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.policy = policy;
        this.encoder = encoder;
        this.tokens = tokens;
        this.mail = mail;
        this.sessions = sessions;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    public String email(UUID accountId) {
        return accounts.byId(accountId).orElseThrow().email();
    }

    public String maskedMobileNumber(UUID accountId) {
        return new id.jamsos.common.MobileNumber(accounts.byId(accountId).orElseThrow().mobileNumber()).masked();
    }

    /** Changes the password and ends every session of the account, this one included. */
    @Transactional(noRollbackFor = InvalidValue.class)
    public void changePassword(UUID accountId, String currentPassword, String newPassword, String ipAddress) {
        Account account = checkedCurrentPassword(accountId, currentPassword, ipAddress, "PASSWORD_CHANGE");
        policy.check(newPassword);
        accounts.changePassword(accountId, encoder.encode(newPassword), clock.instant());
        tokens.revokeAll(accountId, LinkTokens.Purpose.RESET_PASSWORD);
        sessions.endAll(accountId);
        mail.passwordChanged(account.email(), account.locale(), account.fullName());
        record(account, "PASSWORD_CHANGED", ipAddress, AuditOutcome.SUCCESS, Map.of());
    }

    /** Sends a confirmation link to the new address; the address changes only when that link is opened. */
    @Transactional(noRollbackFor = InvalidValue.class)
    public void requestEmailChange(UUID accountId, String currentPassword, EmailAddress newEmail, String ipAddress) {
        Account account = checkedCurrentPassword(accountId, currentPassword, ipAddress, "EMAIL_CHANGE");
        if (newEmail.value().equals(account.email())) {
            throw new InvalidValue("account.email.same");
        }
        String token = tokens.issue(accountId, newEmail.value(), LinkTokens.Purpose.CHANGE_EMAIL);
        mail.confirmNewEmail(newEmail.value(), account.locale(), account.fullName(), token);
        mail.emailChangeRequested(account.email(), account.locale(), account.fullName());
        record(account, "EMAIL_CHANGE_REQUESTED", ipAddress, AuditOutcome.SUCCESS, Map.of("to", newEmail.masked()));
    }

    @Transactional
    public EmailChange confirmEmailChange(String token, String ipAddress) {
        var redeemed = tokens.redeem(token, LinkTokens.Purpose.CHANGE_EMAIL);
        if (redeemed.isEmpty()) {
            return EmailChange.INVALID_LINK;
        }
        Account account = accounts.byId(redeemed.get().accountId()).orElseThrow();
        if (!accounts.changeEmail(account.id(), redeemed.get().email(), clock.instant())) {
            return EmailChange.TAKEN;
        }
        sessions.endAll(account.id());
        record(account, "EMAIL_CHANGED", ipAddress, AuditOutcome.SUCCESS, Map.of());
        return EmailChange.CHANGED;
    }

    /** A wrong current password counts as a failed sign-in, so this form cannot be used to guess passwords. */
    private Account checkedCurrentPassword(UUID accountId, String currentPassword, String ipAddress, String action) {
        Account account = accounts.byId(accountId).orElseThrow();
        if (currentPassword == null || currentPassword.length() > 1000
                || !encoder.matches(currentPassword, account.passwordHash())) {
            throttle.record(account.email(), ipAddress, false);
            record(account, action, ipAddress, AuditOutcome.FAILURE, Map.of("reason", "wrong current password"));
            throw new InvalidValue("account.current-password.wrong");
        }
        return account;
    }

    private void record(Account account, String action, String ipAddress, AuditOutcome outcome, Map<String, String> details) {
        audit.record(new AuditEntry(account.id(), account.email(), action, "ACCOUNT", account.id().toString(),
                ipAddress, outcome, details));
    }
}
