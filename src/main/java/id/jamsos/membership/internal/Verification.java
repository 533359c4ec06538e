package id.jamsos.membership.internal;

import id.jamsos.audit.AuditEntry;
import id.jamsos.audit.AuditLog;
import id.jamsos.audit.AuditOutcome;
import id.jamsos.calendar.Calendar;
import id.jamsos.common.Gender;
import id.jamsos.common.JakartaTime;
import id.jamsos.platform.PublicAddress;
import id.jamsos.common.Kpj;
import id.jamsos.common.WorkingDays;
import id.jamsos.document.DocumentKind;
import id.jamsos.document.Documents;
import id.jamsos.document.StoredDocument;
import id.jamsos.membership.MemberActivated;
import id.jamsos.membership.MemberCategory;
import id.jamsos.platform.PersonalData;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import id.jamsos.notification.EmailMessage;
import id.jamsos.notification.Notifications;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The officers' side of activation: the queue, claims that lapse after two hours, the application with its
 * documents, and the decision. Each change is one guarded UPDATE, so of two officers deciding at the same moment
 * exactly one decision stands; the other is told why.
 */
@Service
public class Verification {

    static final Duration CLAIM = Duration.ofHours(2);
    public static final int PAGE_SIZE = 25;

    public enum Result { DONE, HELD_BY_ANOTHER, NOT_OPEN }

    public record Officer(UUID id, String name, String email, String ipAddress) {
    }

    private final JdbcClient jdbc;
    private final PersonalData personalData;
    private final Documents documents;
    private final Calendar calendar;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Notifications notifications;
    private final PublicAddress site;

    Verification(JdbcClient jdbc, PersonalData personalData, Documents documents, Calendar calendar, AuditLog audit,
                 ApplicationEventPublisher events, Clock clock, Notifications notifications, PublicAddress site) {
        this.notifications = notifications;
        this.site = site;
        this.jdbc = jdbc;
        this.personalData = personalData;
        this.documents = documents;
        this.calendar = calendar;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Which part of the queue an officer looks at: a category, a status, or (null) all of either. */
    public record QueueFilter(MemberCategory category, String status) {

        public static final java.util.List<String> STATUSES = java.util.List.of("SUBMITTED", "IN_REVIEW");

        public QueueFilter {
            if (status != null && !STATUSES.contains(status)) {
                throw new IllegalArgumentException("not a queue status: " + status);
            }
        }

        public static final QueueFilter ALL = new QueueFilter(null, null);
    }

    /** Oldest first; {@code page} starts at 0; one row more than a page tells whether another follows. */
    public List<QueueItem> queue(UUID officerId, int page) {
        return queue(officerId, QueueFilter.ALL, page);
    }

    /** The queue narrowed by category and status, oldest first, paged as {@link #queue(UUID, int)}. */
    public List<QueueItem> queue(UUID officerId, QueueFilter filter, int page) {
        LocalDate today = JakartaTime.today(clock);
        WorkingDays workingDays = calendar.workingDays();
        Instant lapse = clock.instant().minus(CLAIM);
        return jdbc.sql("""
                        SELECT id, full_name, status, submitted_at, decision_due, claimed_by, claimed_by_name, claimed_at,
                               work_category
                          FROM membership.application
                         WHERE status IN ('SUBMITTED', 'IN_REVIEW')
                           AND (CAST(:category AS TEXT) IS NULL OR work_category = CAST(:category AS TEXT))
                           AND (CAST(:status AS TEXT) IS NULL OR status = CAST(:status AS TEXT))
                         ORDER BY submitted_at, id
                         LIMIT :limit OFFSET :offset""")
                .param("category", filter.category() == null ? null : filter.category().name())
                .param("status", filter.status())
                .param("limit", PAGE_SIZE + 1)
                .param("offset", Math.max(0, page) * PAGE_SIZE)
                .query((rs, row) -> {
                    LocalDate due = rs.getObject("decision_due", LocalDate.class);
                    boolean held = rs.getTimestamp("claimed_at") != null
                            && rs.getTimestamp("claimed_at").toInstant().isAfter(lapse);
                    UUID holder = rs.getObject("claimed_by", UUID.class);
                    String category = rs.getString("work_category");
                    return new QueueItem(rs.getObject("id", UUID.class), rs.getString("full_name"), rs.getString("status"),
                            rs.getTimestamp("submitted_at").toInstant(), due, held ? rs.getString("claimed_by_name") : null,
                            held && officerId.equals(holder), today.isAfter(due),
                            !today.isAfter(due) && workingDays.between(today, due) <= 1,
                            category == null ? null : MemberCategory.valueOf(category));
                })
                .list();
    }

    /** Takes the application for review, unless another officer holds a claim younger than two hours. */
    @Transactional
    public Result claim(UUID applicationId, Officer officer) {
        Instant now = clock.instant();
        int claimed = jdbc.sql("""
                        UPDATE membership.application
                           SET status = 'IN_REVIEW', claimed_by = :officer, claimed_by_name = :name, claimed_at = :now,
                               version = version + 1
                         WHERE id = :id AND status IN ('SUBMITTED', 'IN_REVIEW')
                           AND (claimed_by IS NULL OR claimed_by = :officer OR claimed_at < :lapse)""")
                .param("officer", officer.id()).param("name", officer.name()).param("now", Timestamp.from(now))
                .param("lapse", Timestamp.from(now.minus(CLAIM))).param("id", applicationId)
                .update();
        Result result = claimed > 0 ? Result.DONE : (open(applicationId) ? Result.HELD_BY_ANOTHER : Result.NOT_OPEN);
        record(officer, "APPLICATION_CLAIMED", applicationId, result, Map.of());
        return result;
    }

    /** The application with its personal data in full; the view is audited. */
    @Transactional
    public Optional<ApplicationView> view(UUID applicationId, Officer officer) {
        Optional<ApplicationView> view = jdbc.sql("""
                        SELECT id, account_id, status, nik_sealed, kk_sealed, full_name, birth_place, birth_date, gender,
                               mother_maiden_name, submitted_at, decision_due, claimed_by, claimed_by_name, claimed_at,
                               province_code, regency_code, district_code, street, rt, rw, contact_mobile, contact_email,
                               """ + Applications.WORK_COLUMNS + " " + """
                          FROM membership.application WHERE id = :id AND submitted_at IS NOT NULL""")
                .param("id", applicationId)
                .query(this::view)
                .optional();
        view.ifPresent(v -> record(officer, "APPLICATION_VIEWED", applicationId, Result.DONE, Map.of()));
        return view;
    }

    /** A document of a submitted application, for the officer; the view is audited. */
    @Transactional
    public Optional<StoredDocument> document(UUID applicationId, DocumentKind kind, Officer officer) {
        Optional<UUID> owner = jdbc.sql("SELECT account_id FROM membership.application WHERE id = :id AND submitted_at IS NOT NULL")
                .param("id", applicationId).query(UUID.class).optional();
        Optional<StoredDocument> document = owner.flatMap(account -> documents.latest(account, kind));
        document.ifPresent(d -> record(officer, "DOCUMENT_VIEWED", applicationId, Result.DONE, Map.of("kind", kind.name())));
        return document;
    }

    /** Approves, when this officer holds the claim: a member with a new KPJ number, active from today. */
    @Transactional
    public Result approve(UUID applicationId, Officer officer) {
        Instant now = clock.instant();
        Optional<UUID> account = decide(applicationId, officer, "APPROVED", null, null, now);
        if (account.isEmpty()) {
            return refused(applicationId, officer, "APPLICATION_APPROVED");
        }
        LocalDate today = JakartaTime.today(clock);
        Kpj kpj = nextKpj(jdbc, today.getYear());
        UUID memberId = UUID.randomUUID();
        Work work = jdbc.sql("SELECT " + Applications.WORK_COLUMNS + " FROM membership.application WHERE id = :id")
                .param("id", applicationId).query((rs, row) -> Applications.work(rs)).single();
        jdbc.sql("""
                        INSERT INTO membership.member (id, account_id, application_id, kpj, nik_hash, full_name, status,
                                                       activated_on, created_at, verify_token, category, programs,
                                                       declared_income)
                        SELECT :member, account_id, id, :kpj, nik_hash, full_name, 'ACTIVE', :today, :now, :token,
                               :category, :programs, :income
                          FROM membership.application WHERE id = :id""")
                .param("member", memberId).param("kpj", kpj.value()).param("today", today)
                .param("token", CardCheck.newToken())
                .param("category", work == null ? null : work.category().name())
                .param("programs", work == null ? null : work.programs().toArray(String[]::new))
                .param("income", work == null || work.wageEarner() ? null : work.declaredIncome().value())
                .param("now", Timestamp.from(now)).param("id", applicationId)
                .update();
        record(officer, "APPLICATION_APPROVED", applicationId, Result.DONE, Map.of("kpj", kpj.masked()));
        tell(applicationId, "membership-approved", Map.of("kpj", kpj.value()));
        events.publishEvent(new MemberActivated(memberId, account.get(), kpj.value(), today,
                work == null ? null : work.category(), work == null ? List.of() : work.programs(),
                work == null || work.wageEarner() ? null : work.declaredIncome()));
        return Result.DONE;
    }

    /** The next KPJ number of a registration year, from a locked sequence row: each number is handed out once. */
    static Kpj nextKpj(JdbcClient jdbc, int year) {
        long sequence = jdbc.sql("""
                        INSERT INTO membership.kpj_sequence (year, last_value) VALUES (:year, 1)
                        ON CONFLICT (year) DO UPDATE SET last_value = membership.kpj_sequence.last_value + 1
                        RETURNING last_value""")
                .param("year", year).query(Long.class).single();
        return Kpj.issue(year, sequence);
    }

    /** Rejects with a reason from the list and the officer's words, when this officer holds the claim. */
    @Transactional
    public Result reject(UUID applicationId, Officer officer, String reason, String note) {
        Optional<UUID> account = decide(applicationId, officer, "REJECTED", reason, note, clock.instant());
        if (account.isEmpty()) {
            return refused(applicationId, officer, "APPLICATION_REJECTED");
        }
        record(officer, "APPLICATION_REJECTED", applicationId, Result.DONE, Map.of("reason", reason));
        tell(applicationId, "membership-rejected", Map.of("reasonKey", "verification.reason." + reason,
                "note", note == null ? "" : note));
        return Result.DONE;
    }

    /** The fields an officer may send back for correction. */
    public static final java.util.List<String> CORRECTABLE = java.util.List.of("nik", "kk", "fullName", "birthPlace",
            "birthDate", "gender", "motherMaidenName", "address", "mobileNumber", "work", "KTP", "KK");

    /**
     * Sends the application back to the applicant, naming the fields to correct and saying why; it comes back into
     * the queue when they send it again.
     */
    @Transactional
    public Result requestChanges(UUID applicationId, Officer officer, java.util.List<String> fields, String message) {
        Instant now = clock.instant();
        Optional<UUID> account = jdbc.sql("""
                        UPDATE membership.application
                           SET status = 'CHANGES_REQUESTED', changes_fields = :fields, changes_message = :message,
                               claimed_by = NULL, claimed_by_name = NULL, claimed_at = NULL, submitted_at = NULL,
                               decision_due = NULL, updated_at = :now, version = version + 1
                         WHERE id = :id AND status = 'IN_REVIEW' AND claimed_by = :officer AND claimed_at >= :lapse
                        RETURNING account_id""")
                .param("fields", fields.toArray(String[]::new)).param("message", message)
                .param("now", Timestamp.from(now)).param("id", applicationId).param("officer", officer.id())
                .param("lapse", Timestamp.from(now.minus(CLAIM)))
                .query(UUID.class).optional();
        if (account.isEmpty()) {
            return refused(applicationId, officer, "APPLICATION_CHANGES_REQUESTED");
        }
        record(officer, "APPLICATION_CHANGES_REQUESTED", applicationId, Result.DONE,
                Map.of("fields", String.join(",", fields)));
        tell(applicationId, "membership-changes", Map.of("message", message));
        return Result.DONE;
    }

    private Optional<UUID> decide(UUID applicationId, Officer officer, String status, String reason, String note,
                                  Instant now) {
        return jdbc.sql("""
                        UPDATE membership.application
                           SET status = :status, decided_by = :officer, decided_at = :now, decision_reason = :reason,
                               decision_note = :note, updated_at = :now, version = version + 1
                         WHERE id = :id AND status = 'IN_REVIEW' AND claimed_by = :officer AND claimed_at >= :lapse
                        RETURNING account_id""")
                .param("status", status).param("officer", officer.id()).param("now", Timestamp.from(now))
                .param("reason", reason).param("note", note).param("id", applicationId)
                .param("lapse", Timestamp.from(now.minus(CLAIM)))
                .query(UUID.class).optional();
    }

    /** The decision e-mail, in the language the applicant used when sending the application. */
    private void tell(UUID applicationId, String template, Map<String, Object> variables) {
        jdbc.sql("SELECT full_name, contact_email, contact_language FROM membership.application WHERE id = :id")
                .param("id", applicationId)
                .query((rs, row) -> {
                    if (rs.getString("contact_email") != null) {
                        Map<String, Object> all = new java.util.HashMap<>(variables);
                        all.put("name", rs.getString("full_name"));
                        all.put("link", site.link("/kepesertaan"));
                        notifications.sendEmail(new EmailMessage(rs.getString("contact_email"),
                                java.util.Locale.forLanguageTag(rs.getString("contact_language")), template, all));
                    }
                    return null;
                })
                .list();
    }

    private Result refused(UUID applicationId, Officer officer, String action) {
        Result result = open(applicationId) ? Result.HELD_BY_ANOTHER : Result.NOT_OPEN;
        record(officer, action, applicationId, result, Map.of());
        return result;
    }

    private boolean open(UUID applicationId) {
        return jdbc.sql("SELECT count(*) FROM membership.application WHERE id = :id AND status IN ('SUBMITTED', 'IN_REVIEW')")
                .param("id", applicationId).query(Integer.class).single() > 0;
    }

    private void record(Officer officer, String action, UUID applicationId, Result result, Map<String, String> details) {
        audit.record(new AuditEntry(officer.id(), officer.email(), action, "APPLICATION", applicationId.toString(),
                officer.ipAddress(), result == Result.DONE ? AuditOutcome.SUCCESS : AuditOutcome.DENIED,
                result == Result.DONE ? details : Map.of("refused", result.name())));
    }

    private ApplicationView view(ResultSet rs, int row) throws SQLException {
        Timestamp claimedAt = rs.getTimestamp("claimed_at");
        return new ApplicationView(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getString("status"), opened(rs.getBytes("nik_sealed")), opened(rs.getBytes("kk_sealed")),
                rs.getString("full_name"), rs.getString("birth_place"), rs.getObject("birth_date", LocalDate.class),
                rs.getString("gender") == null ? null : Gender.valueOf(rs.getString("gender")),
                rs.getString("mother_maiden_name"), rs.getTimestamp("submitted_at").toInstant(),
                rs.getObject("decision_due", LocalDate.class), rs.getObject("claimed_by", UUID.class),
                rs.getString("claimed_by_name"), claimedAt == null ? null : claimedAt.toInstant(),
                Applications.address(rs), rs.getString("contact_mobile"), rs.getString("contact_email"),
                Applications.work(rs));
    }

    private String opened(byte[] sealed) {
        return sealed == null ? null : new String(personalData.open(sealed), StandardCharsets.US_ASCII);
    }
}
