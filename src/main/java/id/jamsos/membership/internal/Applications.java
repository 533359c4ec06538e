package id.jamsos.membership.internal;

import id.jamsos.common.Gender;
import id.jamsos.common.Kk;
import id.jamsos.common.Nik;
import id.jamsos.platform.PersonalData;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The application table. Every query names the owning account, so no id from a URL can reach another's data. */
@Repository
class Applications {

    static final String OPEN = "('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'CHANGES_REQUESTED')";
    static final String WORK_COLUMNS = "work_category, employer_npp, employer_name, job_title, work_start, monthly_wage,"
            + " occupation, work_location, declared_income, bpu_jht";

    private final JdbcClient jdbc;
    private final PersonalData personalData;

    Applications(JdbcClient jdbc, PersonalData personalData) {
        this.jdbc = jdbc;
        this.personalData = personalData;
    }

    Optional<Draft> openOf(UUID accountId) {
        return jdbc.sql("""
                        SELECT id, status, nik_sealed, kk_sealed, full_name, birth_place, birth_date, gender,
                               mother_maiden_name, updated_at, submitted_at, decision_due, changes_fields,
                               changes_message, province_code, regency_code, district_code, street, rt, rw,
                               contact_mobile, """ + WORK_COLUMNS + " " + """
                          FROM membership.application
                         WHERE account_id = :account AND status IN""" + " " + OPEN)
                .param("account", accountId)
                .query((rs, row) -> new Draft(rs.getObject("id", UUID.class), rs.getString("status"),
                        masked(rs.getBytes("nik_sealed"), true), masked(rs.getBytes("kk_sealed"), false),
                        rs.getString("full_name"), rs.getString("birth_place"),
                        rs.getObject("birth_date", java.time.LocalDate.class),
                        rs.getString("gender") == null ? null : Gender.valueOf(rs.getString("gender")),
                        rs.getString("mother_maiden_name"), rs.getTimestamp("updated_at").toInstant(),
                        rs.getTimestamp("submitted_at") == null ? null : rs.getTimestamp("submitted_at").toInstant(),
                        rs.getObject("decision_due", java.time.LocalDate.class),
                        rs.getArray("changes_fields") == null ? java.util.List.of()
                                : java.util.List.of((String[]) rs.getArray("changes_fields").getArray()),
                        rs.getString("changes_message"), address(rs), rs.getString("contact_mobile"), work(rs)))
                .optional();
    }

    /** Marks the owner's editable application as sent; answers false when it was already sent (a double submit). */
    boolean submit(UUID accountId, UUID applicationId, Instant now, java.time.LocalDate decisionDue, String email,
                   String language) {
        return jdbc.sql("""
                        UPDATE membership.application
                           SET status = 'SUBMITTED', consent_at = :now, submitted_at = :now, decision_due = :due,
                               changes_fields = NULL, changes_message = NULL,
                               contact_email = :email, contact_language = :language,
                               updated_at = :now, version = version + 1
                         WHERE id = :id AND account_id = :account AND status IN ('DRAFT', 'CHANGES_REQUESTED')""")
                .param("now", Timestamp.from(now))
                .param("due", decisionDue)
                .param("email", email)
                .param("language", language)
                .param("id", applicationId)
                .param("account", accountId)
                .update() > 0;
    }

    Optional<Membership> membershipOf(UUID accountId) {
        return jdbc.sql("""
                        SELECT id, full_name, kpj, status, activated_on, verify_token, category, programs
                          FROM membership.member WHERE account_id = :account""")
                .param("account", accountId)
                .query((rs, row) -> new Membership(rs.getObject("id", UUID.class), rs.getString("full_name"),
                        rs.getString("kpj"), rs.getString("status"), rs.getObject("activated_on", java.time.LocalDate.class),
                        rs.getString("verify_token"),
                        rs.getString("category") == null ? null : id.jamsos.membership.MemberCategory.valueOf(rs.getString("category")),
                        rs.getArray("programs") == null ? null : java.util.List.of((String[]) rs.getArray("programs").getArray())))
                .optional();
    }

    Optional<String> latestRejection(UUID accountId) {
        return jdbc.sql("""
                        SELECT decision_reason FROM membership.application
                         WHERE account_id = :account AND status = 'REJECTED'
                           AND NOT EXISTS (SELECT 1 FROM membership.application o
                                            WHERE o.account_id = :account AND o.status IN""" + " " + OPEN + """
                        )
                         ORDER BY decided_at DESC LIMIT 1""")
                .param("account", accountId)
                .query(String.class)
                .optional();
    }

    /**
     * True when the NIK already belongs to an online membership (of any account): a person activates online once. Older
     * cards an employer registered (V62, origin EMPLOYER or LEGACY) do not count: the person links them afterwards.
     */
    boolean nikIsMember(Nik nik) {
        return jdbc.sql("SELECT count(*) FROM membership.member WHERE nik_hash = :hash AND origin = 'ONLINE'")
                .param("hash", personalData.lookupHash(nik.value())).query(Integer.class).single() > 0;
    }

    /** True when another open application (of another account) carries this NIK. */
    boolean nikInOtherOpenApplication(UUID accountId, Nik nik) {
        return jdbc.sql("SELECT count(*) FROM membership.application WHERE nik_hash = :hash AND account_id <> :account"
                        + " AND status IN " + OPEN)
                .param("hash", personalData.lookupHash(nik.value()))
                .param("account", accountId)
                .query(Integer.class).single() > 0;
    }

    /** Creates the draft or updates the open one while its owner may still edit it; answers whether a row changed. */
    boolean saveIdentity(UUID accountId, Identity identity, Instant now) {
        int updated = jdbc.sql("""
                        UPDATE membership.application
                           SET nik_sealed = :nikSealed, nik_hash = :nikHash, kk_sealed = :kkSealed, kk_hash = :kkHash,
                               full_name = :fullName, birth_place = :birthPlace, birth_date = :birthDate,
                               gender = :gender, mother_maiden_name = :mother, province_code = :province,
                               regency_code = :regency, district_code = :district, street = :street, rt = :rt,
                               rw = :rw, contact_mobile = :mobile, updated_at = :now, version = version + 1
                         WHERE account_id = :account AND status IN ('DRAFT', 'CHANGES_REQUESTED')""")
                .params(identityParameters(accountId, identity, now))
                .update();
        if (updated > 0) {
            return true;
        }
        return jdbc.sql("""
                        INSERT INTO membership.application (id, account_id, status, nik_sealed, nik_hash, kk_sealed,
                               kk_hash, full_name, birth_place, birth_date, gender, mother_maiden_name, province_code,
                               regency_code, district_code, street, rt, rw, contact_mobile, created_at, updated_at)
                        SELECT :id, :account, 'DRAFT', :nikSealed, :nikHash, :kkSealed, :kkHash, :fullName,
                               :birthPlace, :birthDate, :gender, :mother, :province, :regency, :district, :street,
                               :rt, :rw, :mobile, :now, :now
                         WHERE NOT EXISTS (SELECT 1 FROM membership.application
                                            WHERE account_id = :account AND status IN""" + " " + OPEN + ")")
                .params(identityParameters(accountId, identity, now))
                .param("id", UUID.randomUUID())
                .update() > 0;
    }

    private java.util.Map<String, Object> identityParameters(UUID accountId, Identity identity, Instant now) {
        java.util.Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("account", accountId);
        parameters.put("nikSealed", personalData.seal(identity.nik().value().getBytes(StandardCharsets.US_ASCII)));
        parameters.put("nikHash", personalData.lookupHash(identity.nik().value()));
        parameters.put("kkSealed", personalData.seal(identity.kk().value().getBytes(StandardCharsets.US_ASCII)));
        parameters.put("kkHash", personalData.lookupHash(identity.kk().value()));
        parameters.put("fullName", identity.fullName().value());
        parameters.put("birthPlace", identity.birthPlace());
        parameters.put("birthDate", identity.birthDate());
        parameters.put("gender", identity.gender().name());
        parameters.put("mother", identity.motherMaidenName().value());
        parameters.put("province", identity.address().provinceCode());
        parameters.put("regency", identity.address().regencyCode());
        parameters.put("district", identity.address().districtCode());
        parameters.put("street", identity.address().street());
        parameters.put("rt", identity.address().rt());
        parameters.put("rw", identity.address().rw());
        parameters.put("mobile", identity.mobileNumber().value());
        parameters.put("now", Timestamp.from(now));
        return parameters;
    }

    /** Saves step 2 on the owner's editable application; answers false when there is none (identity comes first). */
    boolean saveWork(UUID accountId, Work work, Instant now) {
        return jdbc.sql("""
                        UPDATE membership.application
                           SET work_category = :category, employer_npp = :npp, employer_name = :employer,
                               job_title = :job, work_start = :start, monthly_wage = :wage, occupation = :occupation,
                               work_location = :location, declared_income = :income, bpu_jht = :jht,
                               updated_at = :now, version = version + 1
                         WHERE account_id = :account AND status IN ('DRAFT', 'CHANGES_REQUESTED')""")
                .param("category", work.category().name())
                .param("npp", work.employerNpp() == null ? null : work.employerNpp().value())
                .param("employer", work.employerName())
                .param("job", work.jobTitle())
                .param("start", work.startDate())
                .param("wage", work.monthlyWage() == null ? null : work.monthlyWage().value())
                .param("occupation", work.occupation())
                .param("location", work.workLocation())
                .param("income", work.declaredIncome() == null ? null : work.declaredIncome().value())
                .param("jht", work.wageEarner() ? null : work.jht())
                .param("now", Timestamp.from(now))
                .param("account", accountId)
                .update() > 0;
    }

    /** The work columns ({@link #WORK_COLUMNS}) of an application row; null until step 2 was saved. */
    static Work work(java.sql.ResultSet rs) throws java.sql.SQLException {
        String category = rs.getString("work_category");
        if (category == null) {
            return null;
        }
        if ("PU".equals(category)) {
            String npp = rs.getString("employer_npp");
            return Work.wageEarner(npp == null ? null : new id.jamsos.common.Npp(npp), rs.getString("employer_name"),
                    rs.getString("job_title"), rs.getObject("work_start", java.time.LocalDate.class),
                    id.jamsos.common.Rupiah.of(rs.getLong("monthly_wage")));
        }
        return Work.informal(rs.getString("occupation"), rs.getString("work_location"),
                id.jamsos.common.Rupiah.of(rs.getLong("declared_income")), rs.getBoolean("bpu_jht"));
    }

    /** The address columns of an application row; null until step 1 was saved with them. */
    static Address address(java.sql.ResultSet rs) throws java.sql.SQLException {
        return rs.getString("district_code") == null ? null : new Address(rs.getString("province_code"),
                rs.getString("regency_code"), rs.getString("district_code"), rs.getString("street"), rs.getString("rt"),
                rs.getString("rw"));
    }

    private String masked(byte[] sealed, boolean nik) {
        if (sealed == null) {
            return null;
        }
        String value = new String(personalData.open(sealed), StandardCharsets.US_ASCII);
        return nik ? new Nik(value).masked() : new Kk(value).masked();
    }
}
