package id.jamsos.membership.internal;

import id.jamsos.common.InvalidValue;
import id.jamsos.common.Kpj;
import id.jamsos.common.MobileNumber;
import id.jamsos.common.Rupiah;
import id.jamsos.common.Text;
import id.jamsos.membership.CategoryChange;
import id.jamsos.membership.DetailChange;
import id.jamsos.membership.MemberCategory;
import id.jamsos.membership.MemberField;
import id.jamsos.membership.MemberProfile;
import id.jamsos.membership.MemberReactivated;
import id.jamsos.membership.StatusChange;
import id.jamsos.common.Nik;
import id.jamsos.membership.LapseReason;
import id.jamsos.membership.Member;
import id.jamsos.membership.MemberLapsed;
import id.jamsos.membership.MemberStatus;
import id.jamsos.membership.Members;
import id.jamsos.notification.EmailMessage;
import id.jamsos.notification.Notifications;
import id.jamsos.platform.PersonalData;
import id.jamsos.platform.PublicAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcMembers implements Members {

    private static final String COLUMNS = "id, account_id, kpj, full_name, status, activated_on";
    private static final String SYSTEM = "system";
    private static final int MAX_FOUND = 50;

    private final JdbcClient jdbc;
    private final PersonalData personalData;
    private final ApplicationEventPublisher events;
    private final Notifications notifications;
    private final PublicAddress site;

    JdbcMembers(JdbcClient jdbc, PersonalData personalData, ApplicationEventPublisher events,
                Notifications notifications, PublicAddress site) {
        this.jdbc = jdbc;
        this.personalData = personalData;
        this.events = events;
        this.notifications = notifications;
        this.site = site;
    }

    @Override
    public Optional<Member> byId(UUID memberId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM membership.member WHERE id = :id").param("id", memberId)
                .query(JdbcMembers::member).optional();
    }

    @Override
    public java.util.Map<UUID, UUID> accountsOf(java.util.Collection<UUID> memberIds) {
        java.util.Map<UUID, UUID> accounts = new java.util.HashMap<>();
        if (memberIds.isEmpty()) {
            return accounts;
        }
        jdbc.sql("SELECT id, account_id FROM membership.member WHERE id = ANY(:ids) AND account_id IS NOT NULL")
                .param("ids", memberIds.toArray(UUID[]::new))
                .query((java.sql.ResultSet rs) -> {
                    accounts.put(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class));
                });
        return accounts;
    }

    @Override
    public Optional<Member> byKpj(Kpj kpj) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM membership.member WHERE kpj = :kpj").param("kpj", kpj.value())
                .query(JdbcMembers::member).optional();
    }

    @Override
    @org.springframework.transaction.annotation.Transactional
    public Member registerForEmployer(Nik nik, id.jamsos.common.PersonName fullName, LocalDate birthDate,
                                      LocalDate on) {
        byte[] hash = personalData.lookupHash(nik.value());
        // One registration of a NIK at a time: the second waits, then finds the card the first made.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('membership.member nik ' || encode(:hash, 'hex'), 0))")
                .param("hash", hash).query(Object.class).single();
        Optional<Member> known = byNik(nik);
        if (known.isPresent()) {
            return known.get();
        }
        UUID id = UUID.randomUUID();
        Kpj kpj = Verification.nextKpj(jdbc, on.getYear());
        List<String> programs = MemberCategory.PU.programs(true);
        jdbc.sql("""
                        INSERT INTO membership.member (id, kpj, nik_hash, full_name, status, activated_on, created_at,
                                                       verify_token, category, programs, origin, birth_date)
                        VALUES (:id, :kpj, :hash, :name, 'ACTIVE', :on, now(), :token, 'PU', :programs, 'EMPLOYER',
                                :born)""")
                .param("id", id).param("kpj", kpj.value()).param("hash", hash).param("name", fullName.value())
                .param("on", on).param("token", CardCheck.newToken()).param("programs", programs.toArray(String[]::new))
                .param("born", birthDate).update();
        events.publishEvent(new id.jamsos.membership.MemberActivated(id, null, kpj.value(), on, MemberCategory.PU,
                programs, null));
        return byId(id).orElseThrow();
    }

    @Override
    public Optional<Member> byNik(Nik nik) {
        // A person may hold older cards with the same NIK (V62); the online membership is the one to find, else the
        // oldest card.
        return jdbc.sql("SELECT " + COLUMNS + " FROM membership.member WHERE nik_hash = :hash"
                        + " ORDER BY origin <> 'ONLINE', created_at LIMIT 1")
                .param("hash", personalData.lookupHash(nik.value())).query(JdbcMembers::member).optional();
    }

    @Override
    public Optional<Member> byAccount(UUID accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM membership.member WHERE account_id = :account")
                .param("account", accountId).query(JdbcMembers::member).optional();
    }

    @Override
    @Transactional
    public boolean lapse(UUID memberId, LapseReason reason, LocalDate on) {
        Optional<String> kpj = jdbc.sql("""
                        UPDATE membership.member SET status = 'NON_ACTIVE', lapsed_on = :on, lapse_reason = :reason
                         WHERE id = :id AND status = 'ACTIVE' RETURNING kpj""")
                .param("on", on).param("reason", reason.name()).param("id", memberId).query(String.class).optional();
        if (kpj.isEmpty()) {
            return false;
        }
        history(memberId, MemberStatus.NON_ACTIVE, on, reason.name(), null, SYSTEM);
        events.publishEvent(new MemberLapsed(memberId, kpj.get(), reason, on));
        jdbc.sql("""
                        SELECT a.full_name, a.contact_email, a.contact_language
                          FROM membership.member m JOIN membership.application a ON a.id = m.application_id
                         WHERE m.id = :id AND a.contact_email IS NOT NULL""")
                .param("id", memberId)
                .query((rs, row) -> {
                    notifications.sendEmail(new EmailMessage(rs.getString("contact_email"),
                            Locale.forLanguageTag(rs.getString("contact_language")), "membership-lapsed",
                            Map.of("name", rs.getString("full_name"), "kpj", kpj.get(),
                                    "reasonKey", "membership.lapse." + reason.name(),
                                    "link", site.link("/kepesertaan"))));
                    return null;
                })
                .list();
        return true;
    }

    @Override
    public List<Member> byNameAndBirthDate(String fullName, LocalDate birthDate) {
        String name = Text.required(fullName, 100);
        return jdbc.sql("SELECT m.id, m.account_id, m.kpj, m.full_name, m.status, m.activated_on"
                        + " FROM membership.member m JOIN membership.application a ON a.id = m.application_id"
                        + " WHERE lower(m.full_name) = lower(:name) AND a.birth_date = :born ORDER BY m.kpj LIMIT "
                        + MAX_FOUND)
                .param("name", name).param("born", birthDate).query(JdbcMembers::member).list();
    }

    @Override
    public Optional<MemberProfile> profile(UUID memberId) {
        return jdbc.sql("""
                        SELECT m.id, m.account_id, m.kpj, m.full_name, m.status, m.activated_on, m.category, m.programs,
                               m.declared_income, m.lapsed_on, m.lapse_reason, a.nik_sealed, a.birth_date
                          FROM membership.member m JOIN membership.application a ON a.id = m.application_id
                         WHERE m.id = :id""")
                .param("id", memberId)
                .query((rs, row) -> {
                    Array programs = rs.getArray("programs");
                    long income = rs.getLong("declared_income");
                    Rupiah declared = rs.wasNull() ? null : Rupiah.of(income);
                    String category = rs.getString("category");
                    String reason = rs.getString("lapse_reason");
                    return new MemberProfile(member(rs, row), maskedNik(rs.getBytes("nik_sealed")),
                            rs.getObject("birth_date", LocalDate.class),
                            category == null ? null : MemberCategory.valueOf(category),
                            programs == null ? List.of() : Arrays.asList((String[]) programs.getArray()), declared,
                            rs.getObject("lapsed_on", LocalDate.class),
                            reason == null ? null : LapseReason.valueOf(reason));
                })
                .optional();
    }

    /** Only the masked form leaves this module; a value that does not open (test data) shows as unknown. */
    private String maskedNik(byte[] sealed) {
        try {
            return new Nik(new String(personalData.open(sealed), StandardCharsets.UTF_8)).masked();
        } catch (RuntimeException e) {
            return "****************";
        }
    }

    @Override
    @Transactional
    public boolean reactivate(UUID memberId, LocalDate on, UUID byAccountId, String byActor, String reason) {
        String why = Text.required(reason, 500);
        Optional<String> kpj = jdbc.sql("""
                        UPDATE membership.member SET status = 'ACTIVE', lapsed_on = NULL, lapse_reason = NULL
                         WHERE id = :id AND status = 'NON_ACTIVE' RETURNING kpj""")
                .param("id", memberId).query(String.class).optional();
        if (kpj.isEmpty()) {
            return false;
        }
        history(memberId, MemberStatus.ACTIVE, on, why, byAccountId, byActor == null ? SYSTEM : byActor);
        events.publishEvent(new MemberReactivated(memberId, kpj.get(), on, byAccountId, why));
        jdbc.sql("""
                        SELECT a.full_name, a.contact_email, a.contact_language
                          FROM membership.member m JOIN membership.application a ON a.id = m.application_id
                         WHERE m.id = :id AND a.contact_email IS NOT NULL""")
                .param("id", memberId)
                .query((rs, row) -> {
                    notifications.sendEmail(new EmailMessage(rs.getString("contact_email"),
                            Locale.forLanguageTag(rs.getString("contact_language")), "membership-reactivated",
                            Map.of("name", rs.getString("full_name"), "kpj", kpj.get(),
                                    "on", on.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                                    "link", site.link("/kepesertaan"))));
                    return null;
                })
                .list();
        return true;
    }

    private void history(UUID memberId, MemberStatus status, LocalDate on, String reason, UUID by, String actor) {
        jdbc.sql("""
                        INSERT INTO membership.status_change (member_id, status, effective, reason, by_account, by_actor,
                                                              recorded_at)
                        VALUES (:member, :status, :on, :reason, :by, :actor, now())""")
                .param("member", memberId).param("status", status.name()).param("on", on).param("reason", reason)
                .param("by", by).param("actor", actor).update();
    }

    @Override
    @Transactional
    public boolean changeCategory(UUID memberId, MemberCategory to, boolean withJht, Rupiah declaredIncome,
                                  LocalDate on, String reason, UUID byAccountId, String byActor) {
        if (to == null || on == null) {
            throw new InvalidValue("member.category.invalid");
        }
        Long income = to == MemberCategory.BPU ? Optional.ofNullable(declaredIncome).filter(i -> !i.isZero() && !i.isNegative())
                .map(Rupiah::value).orElseThrow(() -> new InvalidValue("member.category.income")) : null;
        String why;
        try {
            why = Text.required(reason, 500);
        } catch (InvalidValue e) {
            throw new InvalidValue("member.detail.reason");
        }
        String[] programs = to.programs(withJht).toArray(String[]::new);
        // The row lock makes two changes at once one after the other; the second sees the first's segment.
        Optional<String> from = jdbc.sql("SELECT coalesce(category, '-') FROM membership.member WHERE id = :id FOR UPDATE")
                .param("id", memberId).query(String.class).optional();
        if (from.isEmpty()) {
            throw new InvalidValue("member.not-found");
        }
        int changed = jdbc.sql("""
                        UPDATE membership.member SET category = :to, programs = CAST(:programs AS TEXT[]), declared_income = :income
                         WHERE id = :id AND (category IS DISTINCT FROM :to OR programs IS DISTINCT FROM CAST(:programs AS TEXT[])
                                             OR declared_income IS DISTINCT FROM :income)""")
                .param("to", to.name()).param("programs", programs).param("income", income, java.sql.Types.BIGINT)
                .param("id", memberId).update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql("""
                        INSERT INTO membership.category_change (member_id, from_category, to_category, programs,
                                                                declared_income, effective, reason, by_account,
                                                                by_actor, recorded_at)
                        VALUES (:member, :from, :to, CAST(:programs AS TEXT[]), :income, :on, :reason, :by, :actor, now())""")
                .param("member", memberId).param("from", from.get().equals("-") ? null : from.get())
                .param("to", to.name()).param("programs", programs).param("income", income, java.sql.Types.BIGINT)
                .param("on", on).param("reason", why).param("by", byAccountId)
                .param("actor", byActor == null ? SYSTEM : byActor).update();
        return true;
    }

    @Override
    public List<CategoryChange> categoryHistory(UUID memberId) {
        return jdbc.sql("""
                        SELECT from_category, to_category, programs, declared_income, effective, reason, by_account,
                               by_actor, recorded_at
                          FROM membership.category_change WHERE member_id = :member ORDER BY id LIMIT 100""")
                .param("member", memberId)
                .query((rs, row) -> {
                    String from = rs.getString("from_category");
                    long income = rs.getLong("declared_income");
                    Rupiah declared = rs.wasNull() ? null : Rupiah.of(income);
                    return new CategoryChange(from == null ? null : MemberCategory.valueOf(from),
                            MemberCategory.valueOf(rs.getString("to_category")),
                            Arrays.asList((String[]) rs.getArray("programs").getArray()), declared,
                            rs.getObject("effective", LocalDate.class), rs.getString("reason"),
                            rs.getObject("by_account", UUID.class), rs.getString("by_actor"),
                            rs.getTimestamp("recorded_at").toInstant());
                })
                .list();
    }

    @Override
    public List<StatusChange> statusHistory(UUID memberId) {
        return jdbc.sql("""
                        SELECT status, effective, reason, by_account, by_actor, recorded_at FROM membership.status_change
                         WHERE member_id = :member ORDER BY id LIMIT 500""")
                .param("member", memberId)
                .query((rs, row) -> new StatusChange(MemberStatus.valueOf(rs.getString("status")),
                        rs.getObject("effective", LocalDate.class), rs.getString("reason"),
                        rs.getObject("by_account", UUID.class), rs.getString("by_actor"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    @Override
    @Transactional
    public void updateDetail(UUID memberId, MemberField field, String value, String reason, UUID byAccountId,
                             String byActor) {
        if (field == null) {
            throw new InvalidValue("member.detail.field");
        }
        String checked = switch (field) {
            case DOMICILE_ADDRESS -> Text.required(value, 300);
            case ACTIVE_PHONE -> MobileNumber.parse(value).value();
            case EMPLOYMENT_STATUS -> employmentStatus(value).name();
        };
        String why;
        try {
            why = Text.required(reason, 500);
        } catch (InvalidValue e) {
            throw new InvalidValue("member.detail.reason");
        }
        int updated = jdbc.sql("""
                        INSERT INTO membership.detail_change (member_id, field, value, reason, by_account, by_actor,
                                                              changed_at)
                        SELECT id, :field, :value, :reason, :by, :actor, now() FROM membership.member WHERE id = :member""")
                .param("member", memberId).param("field", field.name()).param("value", checked).param("reason", why)
                .param("by", byAccountId).param("actor", byActor).update();
        if (updated == 0) {
            throw new InvalidValue("member.not-found");
        }
    }

    private static MemberField.EmploymentStatus employmentStatus(String value) {
        try {
            return MemberField.EmploymentStatus.valueOf(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("member.detail.employment-status");
        }
    }

    @Override
    public List<DetailChange> detailHistory(UUID memberId) {
        return jdbc.sql("""
                        SELECT field, value, reason, by_account, by_actor, changed_at FROM membership.detail_change
                         WHERE member_id = :member ORDER BY id LIMIT 1000""")
                .param("member", memberId)
                .query((rs, row) -> new DetailChange(MemberField.valueOf(rs.getString("field")), rs.getString("value"),
                        rs.getString("reason"), rs.getObject("by_account", UUID.class), rs.getString("by_actor"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    private static Member member(ResultSet rs, int row) throws SQLException {
        return new Member(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("kpj"),
                rs.getString("full_name"), MemberStatus.valueOf(rs.getString("status")),
                rs.getObject("activated_on", LocalDate.class));
    }
}
