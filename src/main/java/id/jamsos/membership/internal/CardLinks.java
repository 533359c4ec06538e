package id.jamsos.membership.internal;

import id.jamsos.audit.AuditEntry;
import id.jamsos.audit.AuditLog;
import id.jamsos.audit.AuditOutcome;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.JakartaTime;
import id.jamsos.common.Kpj;
import id.jamsos.common.Nik;
import id.jamsos.membership.Member;
import id.jamsos.membership.MemberCards;
import id.jamsos.membership.MemberStatus;
import id.jamsos.platform.PersonalData;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links an older card (V62: origin EMPLOYER or LEGACY, no account) to the account of the person it belongs to. The
 * typed NIK is only hashed (the keyed lookup hash) and compared with the hash of the account's own membership and of
 * the card; nothing sealed is opened. Every refusal looks the same to the caller; the audit trail keeps the reason.
 */
@Service
class CardLinks implements MemberCards {

    private static final Duration WINDOW = Duration.ofHours(1);
    private static final String ACTION = "MEMBER_CARD_LINK";

    private final JdbcClient jdbc;
    private final PersonalData personalData;
    private final AuditLog audit;
    private final Clock clock;

    CardLinks(JdbcClient jdbc, PersonalData personalData, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.personalData = personalData;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public LinkOutcome link(UUID accountId, String actor, String ipAddress, String kpj, String nik, String birthDate) {
        // One attempt of an account at a time, so parallel requests cannot slip past the count.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('membership.card_link:' || :account))")
                .param("account", accountId.toString()).query().singleRow();
        Instant now = clock.instant();
        List<Instant> failures = jdbc.sql("""
                        SELECT attempted_at FROM membership.card_link_attempt
                         WHERE account_id = :account AND NOT linked AND attempted_at > :since
                         ORDER BY attempted_at LIMIT :limit""")
                .param("account", accountId).param("since", Timestamp.from(now.minus(WINDOW)))
                .param("limit", ATTEMPTS_PER_HOUR)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).list();
        if (failures.size() >= ATTEMPTS_PER_HOUR) {
            record(accountId, actor, ipAddress, kpj, AuditOutcome.DENIED, "THROTTLED");
            return new LinkOutcome.Throttled(failures.get(0).plus(WINDOW));
        }
        Optional<Member> card = Optional.empty();
        String reason;
        try {
            card = find(accountId, Kpj.parse(kpj), Nik.parse(nik, JakartaTime.today(clock)), date(birthDate));
            reason = card.isPresent() ? "LINKED" : "NO_MATCHING_CARD";
        } catch (InvalidValue | DateTimeParseException e) {
            reason = "MALFORMED_INPUT";
        }
        card.ifPresent(c -> jdbc.sql("INSERT INTO membership.card_link (member_id, account_id, linked_at)"
                        + " VALUES (:member, :account, :at)")
                .param("member", c.id()).param("account", accountId).param("at", Timestamp.from(now)).update());
        jdbc.sql("INSERT INTO membership.card_link_attempt (account_id, attempted_at, linked) VALUES (:a, :at, :ok)")
                .param("a", accountId).param("at", Timestamp.from(now)).param("ok", card.isPresent()).update();
        record(accountId, actor, ipAddress, kpj, card.isPresent() ? AuditOutcome.SUCCESS : AuditOutcome.DENIED,
                reason);
        return card.<LinkOutcome>map(LinkOutcome.Linked::new).orElseGet(LinkOutcome.Refused::new);
    }

    /**
     * The card with this KPJ that has no account and no link, whose NIK hash and birth date are those typed and those
     * of the account's own membership (its birth date from the approved application). Locked against a second link.
     */
    private Optional<Member> find(UUID accountId, Kpj kpj, Nik nik, LocalDate born) {
        return jdbc.sql("""
                        SELECT c.id, c.account_id, c.kpj, c.full_name, c.status, c.activated_on
                          FROM membership.member own
                          JOIN membership.application a ON a.id = own.application_id
                          JOIN membership.member c ON c.nik_hash = own.nik_hash
                         WHERE own.account_id = :account AND own.nik_hash = :hash AND a.birth_date = :born
                           AND c.kpj = :kpj AND c.id <> own.id AND c.account_id IS NULL AND c.birth_date = :born
                           AND NOT EXISTS (SELECT 1 FROM membership.card_link l WHERE l.member_id = c.id)
                           FOR UPDATE OF c""")
                .param("account", accountId).param("hash", personalData.lookupHash(nik.value()))
                .param("born", born).param("kpj", kpj.value())
                .query(CardLinks::member).optional();
    }

    @Override
    public List<Member> cardsOf(UUID accountId) {
        return jdbc.sql("""
                        SELECT id, account_id, kpj, full_name, status, activated_on, 0 AS rank, created_at AS at
                          FROM membership.member WHERE account_id = :account
                        UNION ALL
                        SELECT m.id, m.account_id, m.kpj, m.full_name, m.status, m.activated_on, 1, l.linked_at
                          FROM membership.card_link l JOIN membership.member m ON m.id = l.member_id
                         WHERE l.account_id = :account
                         ORDER BY rank, at LIMIT 50""")
                .param("account", accountId).query(CardLinks::member).list();
    }

    private void record(UUID accountId, String actor, String ipAddress, String kpj, AuditOutcome outcome,
                        String reason) {
        audit.record(new AuditEntry(accountId, actor, ACTION, "MEMBER_CARD", masked(kpj), ipAddress, outcome,
                Map.of("reason", reason)));
    }

    /** The typed KPJ as the trail shows it: its last four digits only (it may be somebody else's number). */
    private static String masked(String kpj) {
        String digits = kpj == null ? "" : kpj.replaceAll("[^0-9]", "");
        digits = digits.substring(0, Math.min(digits.length(), 11));
        return digits.length() < 4 ? "****" : "*******" + digits.substring(digits.length() - 4);
    }

    /** A date as a date field sends it (2026-12-01) or as Indonesians write it (01-12-2026, 1/12/2026). */
    static LocalDate date(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            return LocalDate.parse(text);
        }
        return LocalDate.parse(text, DAY_MONTH_YEAR);
    }

    private static final DateTimeFormatter DAY_MONTH_YEAR = new DateTimeFormatterBuilder()
            .appendPattern("d[-][/][.]M[-][/][.]uuuu").toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private static Member member(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Member(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("kpj"),
                rs.getString("full_name"), MemberStatus.valueOf(rs.getString("status")),
                rs.getObject("activated_on", LocalDate.class));
    }
}
