package id.jamsos.ledger;

import id.jamsos.common.Period;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import id.jamsos.platform.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data for the ledger (a copy of the contribution tests' BillingFixtures) written straight into the owning modules' tables (employers, employments and wage reports;
 * members), so the billing tests do not depend on the portal journeys that create them.
 */
final class LedgerFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong SEQUENCE = new AtomicLong(RANDOM.nextInt(1_000_000));
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private final JdbcClient jdbc;

    LedgerFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The instant a job runs on a day in Jakarta (01:00 WIB). */
    static Instant on(LocalDate day) {
        return day.atTime(LocalTime.of(1, 0)).atZone(JAKARTA).toInstant();
    }

    long employer(int riskClass) {
        String npp = String.format("%08d", RANDOM.nextInt(100_000_000));
        return jdbc.sql("""
                        INSERT INTO employer.employer (npp, name, address, risk_class, created_at)
                        VALUES (:npp, :name, 'Jl. Contoh 1, Jakarta', :risk, now()) RETURNING id""")
                .param("npp", npp).param("name", "PT Uji " + npp).param("risk", riskClass).query(Long.class).single();
    }

    /** A worker employed from {@code start} at a joining wage; answers the member id. */
    UUID employ(long employerId, LocalDate start, long joiningWage) {
        UUID member = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO employer.employment (employer_id, member_id, kpj, start_date, joining_wage_rupiah,
                                                         job_title, created_at)
                        VALUES (:employer, :member, :kpj, :start, :wage, 'Staf', now())""")
                .param("employer", employerId).param("member", member).param("kpj", kpj()).param("start", start)
                .param("wage", joiningWage).update();
        return member;
    }

    /** An existing member employed from {@code start} at a joining wage. */
    void employ(long employerId, UUID member, LocalDate start, long joiningWage) {
        jdbc.sql("""
                        INSERT INTO employer.employment (employer_id, member_id, kpj, start_date, joining_wage_rupiah,
                                                         job_title, created_at)
                        VALUES (:employer, :member, (SELECT kpj FROM membership.member WHERE id = :member), :start,
                                :wage, 'Staf', now())""")
                .param("employer", employerId).param("member", member).param("start", start)
                .param("wage", joiningWage).update();
    }

    String employerName(long employerId) {
        return jdbc.sql("SELECT name FROM employer.employer WHERE id = :e").param("e", employerId)
                .query(String.class).single();
    }

    String kpjOf(UUID member) {
        return jdbc.sql("SELECT kpj FROM membership.member WHERE id = :m").param("m", member).query(String.class)
                .single();
    }

    /** An applied wage report for one worker and month. */
    void reportWage(long employerId, Period period, UUID member, long wage) {
        long report = jdbc.sql("""
                        INSERT INTO employer.wage_report (employer_id, period, status, source, line_count, valid_count,
                                                          created_by, created_at, applied_by, applied_at, applied_count)
                        VALUES (:employer, :period, 'APPLIED', 'SCREEN', 1, 1, :admin, now(), :admin, now(), 1)
                        RETURNING id""")
                .param("employer", employerId).param("period", period.toString()).param("admin", UUID.randomUUID())
                .query(Long.class).single();
        jdbc.sql("INSERT INTO employer.wage_line (report_id, line_number, member_id, wage_rupiah) VALUES (:r, 1, :m, :w)")
                .param("r", report).param("m", member).param("w", wage).update();
        jdbc.sql("""
                        INSERT INTO employer.reported_wage (employer_id, member_id, period, wage_rupiah, report_id, applied_at)
                        VALUES (:e, :m, :p, :w, :r, now())""")
                .param("e", employerId).param("m", member).param("p", period.toString()).param("w", wage)
                .param("r", report).update();
        jdbc.sql("""
                        INSERT INTO employer.current_wage (employer_id, member_id, period, wage_rupiah)
                        VALUES (:e, :m, :p, :w)
                        ON CONFLICT (employer_id, member_id) DO UPDATE SET period = excluded.period,
                               wage_rupiah = excluded.wage_rupiah WHERE employer.current_wage.period <= excluded.period""")
                .param("e", employerId).param("m", member).param("p", period.toString()).param("w", wage).update();
    }

    /** An active member with an e-mail address for decisions and notices; answers the member id. */
    UUID activeMember(UUID accountId, String email, String fullName) {
        UUID application = UUID.randomUUID();
        byte[] nikHash = new byte[32];
        RANDOM.nextBytes(nikHash);
        jdbc.sql("""
                        INSERT INTO membership.application (id, account_id, status, nik_sealed, nik_hash, full_name,
                                                            created_at, updated_at, contact_email, contact_language,
                                                            decided_by, decided_at)
                        VALUES (:id, :account, 'APPROVED', :sealed, :hash, :name, now(), now(), :email, 'id',
                                :officer, now())""")
                .param("officer", UUID.randomUUID())
                .param("id", application).param("account", accountId).param("sealed", new byte[] {1, 2, 3})
                .param("hash", nikHash).param("name", fullName).param("email", email).update();
        UUID member = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO membership.member (id, account_id, application_id, kpj, nik_hash, full_name, status,
                                                       activated_on, created_at)
                        VALUES (:id, :account, :application, :kpj, :hash, :name, 'ACTIVE', '2024-12-01', now())""")
                .param("id", member).param("account", accountId).param("application", application)
                .param("kpj", kpj()).param("hash", nikHash).param("name", fullName).update();
        return member;
    }

    /** A person's identity for card tests: a NIK of Kota Bandung whose date part is the birth date. */
    record Person(String nik, LocalDate born) {
        static Person random() {
            LocalDate born = LocalDate.of(1970 + RANDOM.nextInt(30), 1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28));
            return new Person(String.format("327301%02d%02d%02d%04d", born.getDayOfMonth(), born.getMonthValue(),
                    born.getYear() % 100, 1 + RANDOM.nextInt(9998)), born);
        }
    }

    /** An active member activated online with this NIK (keyed hash) and birth date; answers the member id. */
    UUID activeMember(UUID accountId, String email, String fullName, Person person, PersonalData personalData) {
        UUID application = UUID.randomUUID();
        byte[] nikHash = personalData.lookupHash(person.nik());
        jdbc.sql("""
                        INSERT INTO membership.application (id, account_id, status, nik_sealed, nik_hash, full_name,
                                                            birth_date, created_at, updated_at, contact_email,
                                                            contact_language, decided_by, decided_at)
                        VALUES (:id, :account, 'APPROVED', :sealed, :hash, :name, :born, now(), now(), :email, 'id',
                                :officer, now())""")
                .param("officer", UUID.randomUUID()).param("id", application).param("account", accountId)
                .param("sealed", personalData.seal(person.nik().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .param("hash", nikHash).param("name", fullName).param("born", person.born()).param("email", email)
                .update();
        UUID member = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO membership.member (id, account_id, application_id, kpj, nik_hash, full_name, status,
                                                       activated_on, created_at, category, programs)
                        VALUES (:id, :account, :application, :kpj, :hash, :name, 'ACTIVE', '2024-12-01', now(), 'PU',
                                ARRAY['JHT', 'JKK', 'JKM', 'JP'])""")
                .param("id", member).param("account", accountId).param("application", application)
                .param("kpj", kpj()).param("hash", nikHash).param("name", fullName).update();
        return member;
    }

    /** A card an employer registered for a person without an account (origin EMPLOYER, V62); answers the member id. */
    UUID employerCard(String fullName, Person person, PersonalData personalData) {
        UUID member = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO membership.member (id, kpj, nik_hash, full_name, status, activated_on, created_at,
                                                       origin, birth_date, lapsed_on, lapse_reason)
                        VALUES (:id, :kpj, :hash, :name, 'NON_ACTIVE', '2019-03-01', now() - interval '5 years',
                                'EMPLOYER', :born, '2023-06-30', 'EMPLOYMENT_ENDED')""")
                .param("id", member).param("kpj", kpj()).param("hash", personalData.lookupHash(person.nik()))
                .param("name", fullName).param("born", person.born()).update();
        return member;
    }

    long billOf(long employerId, Period period) {
        return jdbc.sql("SELECT id FROM contribution.bill WHERE employer_id = :e AND period = :p")
                .param("e", employerId).param("p", period.toString()).query(Long.class).single();
    }

    long billOf(UUID memberId, Period period) {
        return jdbc.sql("SELECT id FROM contribution.bill WHERE member_id = :m AND period = :p")
                .param("m", memberId).param("p", period.toString()).query(Long.class).single();
    }

    long count(String sql, Object... params) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            statement = statement.param(i + 1, params[i]);
        }
        return statement.query(Long.class).single();
    }

    /** A KPJ with a valid check digit (year 93 is no other fixture's), unique within the test JVM. */
    private static String kpj() {
        return id.jamsos.common.Kpj.issue(93, 1 + (int) (SEQUENCE.incrementAndGet() % 99_999_998)).value();
    }

    static Timestamp timestamp(Instant at) {
        return Timestamp.from(at);
    }
}
