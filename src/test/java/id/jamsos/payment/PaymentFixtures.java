package id.jamsos.payment;

import id.jamsos.common.Kpj;
import id.jamsos.common.Npp;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
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

    /**
     * Where every payer's money stands as the money moves kept it (V141: the balance, each payment's free money, what
     * was paid towards each bill not settled) against what the payment history adds up to; one line per difference.
     */
    public List<String> runningMoneyUnlikeHistory() {
        return jdbc.sql("""
                WITH mine AS (SELECT p.customer_number AS c, p.amount FROM payment.payment p
                               WHERE p.customer_number IS NOT NULL
                              UNION ALL
                              SELECT a.customer_number, p.amount
                                FROM payment.assignment a JOIN payment.payment p ON p.id = a.payment_id),
                     received AS (SELECT c, sum(amount) AS amount FROM mine GROUP BY c),
                     allocated AS (SELECT customer_number AS c, sum(amount) AS amount FROM payment.allocation
                                    GROUP BY customer_number),
                     free AS (SELECT f.id, f.c, f.free
                                FROM (SELECT p.id, coalesce(p.customer_number, a.customer_number) AS c,
                                             p.amount - coalesce((SELECT sum(l.amount) FROM payment.allocation l
                                                                   WHERE l.payment_id = p.id), 0) AS free
                                        FROM payment.payment p LEFT JOIN payment.assignment a ON a.payment_id = p.id
                                       WHERE p.channel <> 'REVERSAL'
                                         AND NOT EXISTS (SELECT 1 FROM payment.payment r WHERE r.reverses = p.id)) f
                               WHERE f.c IS NOT NULL AND f.free > 0),
                     paid AS (SELECT g.customer_number, g.bill_id, g.part, g.amount
                                FROM (SELECT l.customer_number, l.bill_id, l.part, sum(l.amount) AS amount,
                                             bool_or(bool_or(l.settled))
                                                 OVER (PARTITION BY l.customer_number, l.bill_id) AS bill_settled
                                        FROM payment.allocation l GROUP BY l.customer_number, l.bill_id, l.part) g
                               WHERE NOT g.bill_settled AND g.amount <> 0),
                     kept AS (SELECT * FROM payment.paid_towards WHERE amount <> 0)
                SELECT 'balance of ' || r.customer_number || ': kept ' || r.balance || ', history '
                           || (coalesce(rc.amount, 0) - coalesce(al.amount, 0))
                  FROM payment.payer r LEFT JOIN received rc ON rc.c = r.customer_number
                       LEFT JOIN allocated al ON al.c = r.customer_number
                 WHERE r.balance <> coalesce(rc.amount, 0) - coalesce(al.amount, 0)
                UNION ALL
                SELECT 'free money of payment ' || coalesce(f.id, m.payment_id) || ': kept '
                           || coalesce(m.customer_number || ' ' || m.amount, 'none') || ', history '
                           || coalesce(f.c || ' ' || f.free, 'none')
                  FROM free f FULL JOIN payment.free_money m ON m.payment_id = f.id
                 WHERE f.id IS NULL OR m.payment_id IS NULL OR f.free <> m.amount OR f.c <> m.customer_number
                UNION ALL
                SELECT 'paid towards bill ' || coalesce(p.bill_id, k.bill_id) || ' ' || coalesce(p.part, k.part)
                           || ' by ' || coalesce(p.customer_number, k.customer_number) || ': kept '
                           || coalesce(k.amount::text, 'none') || ', history ' || coalesce(p.amount::text, 'none')
                  FROM paid p FULL JOIN kept k ON k.customer_number = p.customer_number AND k.bill_id = p.bill_id
                                              AND k.part = p.part
                 WHERE p.bill_id IS NULL OR k.bill_id IS NULL OR p.amount <> k.amount""")
                .query(String.class).list();
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
