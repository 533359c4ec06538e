package id.jamsos.account.internal;

import id.jamsos.account.AccountCreated;
import id.jamsos.account.Role;
import id.jamsos.audit.AuditEntry;
import id.jamsos.audit.AuditLog;
import id.jamsos.audit.AuditOutcome;
import id.jamsos.common.EmailAddress;
import id.jamsos.common.MobileNumber;
import id.jamsos.common.PersonName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A worker creates a member account and proves the e-mail address is theirs. The answer never says whether an
 * address was already registered: its owner gets an e-mail instead.
 */
@Service
public class Registration {

    /** What a person asks for, already checked field by field. */
    public record Command(PersonName fullName, EmailAddress email, MobileNumber mobileNumber, String password,
                          Locale language, String ipAddress) {
    }

    /** How the verification link ended. */
    public enum Verified { NOW, ALREADY, INVALID }

    static final int RESENDS_PER_DAY = 5;
    static final Duration RESEND_GAP = Duration.ofMinutes(2);

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final LinkTokens tokens;
    private final AccountMail mail;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Registration(Accounts accounts, PasswordEncoder encoder, LinkTokens tokens, AccountMail mail, AuditLog audit,
                 ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.tokens = tokens;
        this.mail = mail;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void register(Command command) {
        Instant now = clock.instant();
        // hashed in every case, so a known address answers as slowly as a new one
        String hash = encoder.encode(command.password());
        String language = "en".equals(command.language().getLanguage()) ? "en" : "id";
        Account account = new Account(UUID.randomUUID(), command.email().value(), command.fullName().value(),
                command.mobileNumber().value(), hash, Role.MEMBER, language, null, now);
        if (accounts.insertIfEmailFree(account, null)) {
            String token = tokens.issue(account.id(), account.email(), LinkTokens.Purpose.VERIFY_EMAIL);
            mail.verifyEmail(account.email(), account.locale(), account.fullName(), token);
            record(account.id(), account.email(), "ACCOUNT_REGISTERED", command.ipAddress());
            events.publishEvent(new AccountCreated(account.id(), Role.MEMBER, now));
        } else {
            Account existing = accounts.byEmail(account.email()).orElseThrow();
            mail.alreadyRegistered(existing.email(), existing.locale(), existing.fullName());
            record(existing.id(), existing.email(), "REGISTRATION_FOR_EXISTING_EMAIL", command.ipAddress());
        }
    }

    @Transactional
    public Verified verify(String token, String ipAddress) {
        var redeemed = tokens.redeem(token, LinkTokens.Purpose.VERIFY_EMAIL);
        if (redeemed.isEmpty()) {
            return Verified.INVALID;
        }
        Account account = accounts.byId(redeemed.get().accountId()).orElseThrow();
        if (account.verified()) {
            return Verified.ALREADY;
        }
        accounts.markVerified(account.id(), clock.instant());
        record(account.id(), account.email(), "EMAIL_VERIFIED", ipAddress);
        return Verified.NOW;
    }

    /** Sends a new link to an unverified account, at most every two minutes and five times a day; silent otherwise. */
    @Transactional
    public void resendVerification(String typedEmail, String ipAddress) {
        EmailAddress email;
        try {
            email = EmailAddress.parse(typedEmail);
        } catch (IllegalArgumentException e) {
            return;
        }
        Instant now = clock.instant();
        accounts.byEmail(email.value())
                .filter(account -> !account.verified() && account.passwordHash() != null)
                .filter(account -> tokens.issuedSince(account.id(), LinkTokens.Purpose.VERIFY_EMAIL, now.minus(RESEND_GAP)) == 0)
                .filter(account -> tokens.issuedSince(account.id(), LinkTokens.Purpose.VERIFY_EMAIL,
                        now.minus(Duration.ofDays(1))) < RESENDS_PER_DAY)
                .ifPresent(account -> {
                    String token = tokens.issue(account.id(), account.email(), LinkTokens.Purpose.VERIFY_EMAIL);
                    mail.verifyEmail(account.email(), account.locale(), account.fullName(), token);
                    record(account.id(), account.email(), "VERIFICATION_RESENT", ipAddress);
                });
    }

    private void record(UUID accountId, String email, String action, String ipAddress) {
        audit.record(new AuditEntry(accountId, email, action, "ACCOUNT", accountId.toString(), ipAddress,
                AuditOutcome.SUCCESS, Map.of()));
    }
}
