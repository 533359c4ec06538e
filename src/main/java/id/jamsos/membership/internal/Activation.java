package id.jamsos.membership.internal;

import id.jamsos.audit.AuditEntry;
import id.jamsos.audit.AuditLog;
import id.jamsos.audit.AuditOutcome;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.JakartaTime;
import id.jamsos.platform.PublicAddress;
import java.time.Clock;
import java.time.LocalDate;
import id.jamsos.calendar.Calendar;
import id.jamsos.document.DocumentKind;
import id.jamsos.document.Documents;
import id.jamsos.notification.EmailMessage;
import id.jamsos.notification.Notifications;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import id.jamsos.membership.ContributionQuote;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The member's side of online activation: the draft application, saved step by step. */
@Service
public class Activation {

    private final Applications applications;
    private final AuditLog audit;
    private final Clock clock;
    private final Documents documents;
    private final Calendar calendar;
    private final Notifications notifications;
    private final int decisionWorkingDays;
    private final PublicAddress site;
    private final ObjectProvider<ContributionQuote> quotes;

    Activation(Applications applications, AuditLog audit, Clock clock, Documents documents, Calendar calendar,
               Notifications notifications,
               @Value("${jamsos.membership.decision-working-days:5}") int decisionWorkingDays,
               PublicAddress site, ObjectProvider<ContributionQuote> quotes) {
        this.quotes = quotes;
        this.applications = applications;
        this.audit = audit;
        this.clock = clock;
        this.documents = documents;
        this.calendar = calendar;
        this.notifications = notifications;
        this.decisionWorkingDays = decisionWorkingDays;
        this.site = site;
    }

    /** What is still missing before the application can be sent; empty when it is complete. */
    public List<String> missing(UUID accountId) {
        return missing(accountId, applications.openOf(accountId).orElse(null));
    }

    private List<String> missing(UUID accountId, Draft draft) {
        List<String> missing = new ArrayList<>();
        if (draft == null || !draft.identityComplete()) {
            missing.add("membership.missing.identity");
        }
        if (draft == null || draft.work() == null) {
            missing.add("membership.missing.work");
        }
        Map<DocumentKind, String> stored = documents.stored(accountId);
        for (DocumentKind kind : DocumentKind.values()) {
            if (!stored.containsKey(kind)) {
                missing.add("membership.missing.document." + kind.name());
            }
        }
        return missing;
    }

    /**
     * Sends the application for verification, with the person's consent; the decision is due a number of working
     * days later. A second submit (double click, second device) changes nothing.
     */
    @Transactional
    public void submit(UUID accountId, String email, Locale language, boolean consent, String ipAddress) {
        Draft draft = applications.openOf(accountId).orElseThrow(() -> new InvalidValue("membership.missing.identity"));
        if (draft.submitted()) {
            return;
        }
        if (!consent) {
            throw new InvalidValue("membership.submit.consent");
        }
        List<String> missing = missing(accountId, draft);
        if (!missing.isEmpty()) {
            throw new InvalidValue(missing.get(0));
        }
        LocalDate due = calendar.workingDays().plus(today(), decisionWorkingDays);
        String contactLanguage = "en".equals(language.getLanguage()) ? "en" : "id";
        if (!applications.submit(accountId, draft.id(), clock.instant(), due, email, contactLanguage)) {
            return;
        }
        audit.record(new AuditEntry(accountId, email, "APPLICATION_SUBMITTED", "APPLICATION", draft.id().toString(),
                ipAddress, AuditOutcome.SUCCESS, Map.of("decisionDue", due.toString())));
        notifications.sendEmail(new EmailMessage(email, language, "membership-submitted", Map.of(
                "name", draft.fullName(),
                "due", due.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                "link", site.link("/aktivasi/status"))));
    }

    /** The account's membership, once an officer approved its application. */
    public Optional<Membership> membership(UUID accountId) {
        return applications.membershipOf(accountId);
    }

    /** The reason of the latest rejection, when the account has no open application and is not a member. */
    public Optional<String> latestRejection(UUID accountId) {
        return applications.latestRejection(accountId);
    }

    public Optional<Draft> openApplication(UUID accountId) {
        return applications.openOf(accountId);
    }

    /** Today in western Indonesia, which decides the century of a NIK's birth year. */
    public LocalDate today() {
        return JakartaTime.today(clock);
    }

    /**
     * Saves step 1. The NIK must agree with the birth date and gender typed, and may not be in another person's open
     * application; an application already submitted can no longer be changed this way.
     */
    @Transactional
    public void saveIdentity(UUID accountId, Identity identity, String ipAddress) {
        identity.nik().mustMatch(identity.birthDate(), identity.gender(), today());
        if (applications.nikIsMember(identity.nik())) {
            throw new InvalidValue("membership.nik.member");
        }
        if (applications.nikInOtherOpenApplication(accountId, identity.nik())) {
            throw new InvalidValue("membership.nik.taken");
        }
        boolean saved;
        try {
            saved = applications.saveIdentity(accountId, identity, clock.instant());
        } catch (DuplicateKeyException e) { // the same NIK saved by someone else at the same moment
            throw new InvalidValue("membership.nik.taken");
        }
        if (!saved) {
            throw new InvalidValue("membership.application.locked");
        }
        audit.record(new AuditEntry(accountId, null, "APPLICATION_IDENTITY_SAVED", "APPLICATION",
                accountId.toString(), ipAddress, AuditOutcome.SUCCESS, Map.of("nik", identity.nik().masked())));
    }

    /** Whether a refusal of step 2 concerns the application as a whole (not sent yet, or sent already), not a field. */
    public static boolean aboutTheApplication(InvalidValue e) {
        return e.messageKey().equals("membership.work.identity-first") || e.messageKey().equals("membership.application.locked");
    }

    /**
     * The monthly contribution of this work at today's rates, when the contribution module offers quotes; refused
     * (InvalidValue) when the amount is one the scheme does not accept, such as a BPU income outside its bounds.
     */
    public Optional<Quote> quote(Work work) {
        return quotes.orderedStream().findFirst()
                .map(quote -> Quote.of(quote.monthly(work.category(), work.basis(), work.programs(), today())));
    }

    /**
     * Saves step 2 on the open application. The amount must be one the scheme accepts (checked by the quote, when
     * there is one); the identity step comes first, and an application already sent can no longer be changed.
     */
    @Transactional
    public void saveWork(UUID accountId, Work work, String ipAddress) {
        quote(work);
        if (!applications.saveWork(accountId, work, clock.instant())) {
            Optional<Draft> draft = applications.openOf(accountId);
            throw new InvalidValue(draft.isPresent() ? "membership.application.locked" : "membership.work.identity-first");
        }
        audit.record(new AuditEntry(accountId, null, "APPLICATION_WORK_SAVED", "APPLICATION", accountId.toString(),
                ipAddress, AuditOutcome.SUCCESS, Map.of("category", work.category().name())));
    }
}
