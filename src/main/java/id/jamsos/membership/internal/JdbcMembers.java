package id.jamsos.membership.internal;

import id.jamsos.common.Kpj;
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
import java.time.LocalDate;
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
    public Optional<Member> byKpj(Kpj kpj) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM membership.member WHERE kpj = :kpj").param("kpj", kpj.value())
                .query(JdbcMembers::member).optional();
    }

    @Override
    public Optional<Member> byNik(Nik nik) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM membership.member WHERE nik_hash = :hash")
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

    private static Member member(ResultSet rs, int row) throws SQLException {
        return new Member(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("kpj"),
                rs.getString("full_name"), MemberStatus.valueOf(rs.getString("status")),
                rs.getObject("activated_on", LocalDate.class));
    }
}
