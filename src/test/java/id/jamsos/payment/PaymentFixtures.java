package id.jamsos.payment;

import id.jamsos.common.Kpj;
import id.jamsos.common.Npp;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Payers for payment tests written straight into the owning modules' tables (as the billing tests do): employers with
 * workers employed for a bounded time, so billing runs of other test classes (other years) leave them alone, and
 * members with valid KPJ numbers. Bills come from the contribution module's own billing run.
 */
public final class PaymentFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    public record TestEmployer(long id, Npp npp) {
        public String customerNumber() {
            return "1" + npp.value();
        }
    }

    public record TestMember(UUID id, Kpj kpj) {
        public String customerNumber() {
            return "2" + kpj.value();
        }
    }

    private final JdbcClient jdbc;

    public PaymentFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An instant on a day in Jakarta at a given hour. */
    public static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(JAKARTA).toInstant();
    }

    public TestEmployer employer(int riskClass) {
        for (int attempt = 0; ; attempt++) {
            String npp = String.format("%08d", RANDOM.nextInt(100_000_000));
            Integer taken = jdbc.sql("SELECT count(*) FROM employer.employer WHERE npp = :npp").param("npp", npp)
                    .query(Integer.class).single();
            if (taken == 0 || attempt > 5) {
                long id = jdbc.sql("""
                                INSERT INTO employer.employer (npp, name, address, risk_class, created_at)
                                VALUES (:npp, :name, 'Jl. Bayar 1, Jakarta', :risk, now()) RETURNING id""")
                        .param("npp", npp).param("name", "PT Bayar " + npp).param("risk", riskClass)
                        .query(Long.class).single();
                return new TestEmployer(id, new Npp(npp));
            }
        }
    }

    /** A worker employed from {@code start} to {@code end} at a joining wage; answers the member id. */
    public UUID employ(long employerId, LocalDate start, LocalDate end, long wage) {
        UUID member = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO employer.employment (employer_id, member_id, kpj, start_date, end_date,
                                                         joining_wage_rupiah, job_title, created_at)
                        VALUES (:employer, :member, :kpj, :start, :end, :wage, 'Staf', now())""")
                .param("employer", employerId).param("member", member).param("kpj", kpj().value())
                .param("start", start).param("end", end).param("wage", wage).update();
        return member;
    }

    /** An active member (the account may be a real signed-in one or a random id). */
    public TestMember member(UUID accountId, String email, String fullName) {
        UUID application = UUID.randomUUID();
        byte[] nikHash = new byte[32];
        RANDOM.nextBytes(nikHash);
        jdbc.sql("""
                        INSERT INTO membership.application (id, account_id, status, nik_sealed, nik_hash, full_name,
                                                            created_at, updated_at, contact_email, contact_language,
                                                            decided_by, decided_at)
                        VALUES (:id, :account, 'APPROVED', :sealed, :hash, :name, now(), now(), :email, 'id',
                                :officer, now())""")
                .param("officer", UUID.randomUUID()).param("id", application).param("account", accountId)
                .param("sealed", new byte[] {1, 2, 3}).param("hash", nikHash).param("name", fullName)
                .param("email", email).update();
        UUID member = UUID.randomUUID();
        Kpj kpj = kpj();
        jdbc.sql("""
                        INSERT INTO membership.member (id, account_id, application_id, kpj, nik_hash, full_name, status,
                                                       activated_on, created_at)
                        VALUES (:id, :account, :application, :kpj, :hash, :name, 'ACTIVE', '2022-12-01', now())""")
                .param("id", member).param("account", accountId).param("application", application)
                .param("kpj", kpj.value()).param("hash", nikHash).param("name", fullName).update();
        return new TestMember(member, kpj);
    }

    long billOf(long employerId, String period) {
        return jdbc.sql("SELECT id FROM contribution.bill WHERE employer_id = :e AND period = :p")
                .param("e", employerId).param("p", period).query(Long.class).single();
    }

    public long count(String sql, Object... params) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            statement = statement.param(i + 1, params[i]);
        }
        return statement.query(Long.class).single();
    }

    public UUID accountId(String email) {
        return jdbc.sql("SELECT id FROM account.account WHERE email = :email").param("email", email.toLowerCase())
                .query(UUID.class).single();
    }

    /** A KPJ with a right check digit; the year 90 keeps it apart from numbers the platform issues. */
    private static Kpj kpj() {
        return Kpj.issue(90, 1 + RANDOM.nextInt(99_999_998));
    }
}
