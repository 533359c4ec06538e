package id.jamsos.account.internal;

import id.jamsos.account.AccountCreated;
import id.jamsos.account.Role;
import id.jamsos.audit.AuditEntry;
import id.jamsos.audit.AuditLog;
import id.jamsos.audit.AuditOutcome;
import id.jamsos.common.EmailAddress;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.MobileNumber;
import id.jamsos.common.PersonName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts only an administrator creates (officer, employer administrator, administrator). The new owner sets the
 * password through an invitation link valid three days; nobody else ever knows it.
 */
@Service
public class StaffAccounts {

    /** A row of the administrators' account list. */
    public record Listed(UUID id, String fullName, String email, Role role, boolean verified, Instant createdAt) {
    }

    static final Duration INVITATION_VALIDITY = Duration.ofDays(3);

    private final Accounts accounts;
    private final LinkTokens tokens;
    private final AccountMail mail;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StaffAccounts(Accounts accounts, LinkTokens tokens, AccountMail mail, PasswordPolicy policy,
                  PasswordEncoder encoder, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.mail = mail;
        this.policy = policy;
        this.encoder = encoder;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public UUID invite(UUID administratorId, PersonName name, EmailAddress email, MobileNumber mobile, Role role,
                       Locale language, String ipAddress) {
        if (role == Role.MEMBER) {
            throw new InvalidValue("admin.accounts.role.invalid");
        }
        Account account = newAccount(name, email, mobile, role, language, null, null);
        if (!accounts.insertIfEmailFree(account, administratorId)) {
            throw new InvalidValue("admin.accounts.email.taken");
        }
        String token = tokens.issue(account.id(), account.email(), LinkTokens.Purpose.RESET_PASSWORD, INVITATION_VALIDITY);
        mail.invitation(account.email(), account.locale(), account.fullName(), token);
        audit.record(new AuditEntry(administratorId, null, "STAFF_ACCOUNT_CREATED", "ACCOUNT",
                account.id().toString(), ipAddress, AuditOutcome.SUCCESS, Map.of("role", role.name())));
        events.publishEvent(new AccountCreated(account.id(), role, account.createdAt()));
        return account.id();
    }

    /**
     * An account with a known password, verified at once: the first administrator (from the command line) and the
     * demo accounts. Answers false when the address is taken.
     */
    @Transactional
    public boolean createWithPassword(PersonName name, EmailAddress email, MobileNumber mobile, Role role,
                                      String password, String createdBy) {
        policy.check(password);
        Account account = newAccount(name, email, mobile, role, Locale.forLanguageTag("id"), encoder.encode(password),
                clock.instant());
        if (!accounts.insertIfEmailFree(account, null)) {
            return false;
        }
        audit.record(new AuditEntry(null, createdBy, "ACCOUNT_CREATED", "ACCOUNT", account.id().toString(), null,
                AuditOutcome.SUCCESS, Map.of("role", role.name())));
        events.publishEvent(new AccountCreated(account.id(), role, account.createdAt()));
        return true;
    }

    public boolean noAccountsYet() {
        return accounts.isEmpty();
    }

    public List<Listed> page(int page, int size) {
        return accounts.page(page, size).stream()
                .map(a -> new Listed(a.id(), a.fullName(), a.email(), a.role(), a.verified(), a.createdAt()))
                .toList();
    }

    public long count() {
        return accounts.count();
    }

    private Account newAccount(PersonName name, EmailAddress email, MobileNumber mobile, Role role, Locale language,
                               String passwordHash, Instant verifiedAt) {
        return new Account(UUID.randomUUID(), email.value(), name.value(), mobile.value(), passwordHash, role,
                "en".equals(language.getLanguage()) ? "en" : "id", verifiedAt, clock.instant());
    }
}
