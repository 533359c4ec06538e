package id.jamsos.payment.snap;

import id.jamsos.common.Kpj;
import id.jamsos.common.Npp;
import id.jamsos.common.Period;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.internal.BillingRun;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Employers with an open bill for the SNAP tests, written into the owning modules' tables as the billing tests do;
 * the bill comes from the contribution module's own billing run. Workers are employed only in the billed month, of
 * years no other test class bills, so other billing runs leave these employers alone.
 */
final class SnapFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final BillingRun billing;

    SnapFixtures(JdbcClient jdbc, BillingRun billing) {
        this.jdbc = jdbc;
        this.billing = billing;
    }

    /** An employer's customer number ("1" + NPP). */
    String employerWithWorkers(Period period, int workers, long wage) {
        Npp npp = freeNpp();
        long id = jdbc.sql("""
                        INSERT INTO employer.employer (npp, name, address, risk_class, created_at)
                        VALUES (:npp, :name, 'Jl. Bank 1, Jakarta', 1, now()) RETURNING id""")
                .param("npp", npp.value()).param("name", "PT Snap " + npp.value()).query(Long.class).single();
        for (int i = 0; i < workers; i++) {
            jdbc.sql("""
                            INSERT INTO employer.employment (employer_id, member_id, kpj, start_date, end_date,
                                                             joining_wage_rupiah, job_title, created_at)
                            VALUES (:employer, :member, :kpj, :start, :end, :wage, 'Staf', now())""")
                    .param("employer", id).param("member", UUID.randomUUID())
                    .param("kpj", Kpj.issue(96, 1 + RANDOM.nextInt(99_999_998)).value())
                    .param("start", period.firstDay()).param("end", period.lastDay()).param("wage", wage).update();
        }
        return "1" + npp.value();
    }

    /** Bills wage earners for {@code period} as the monthly run does, at 01:00 WIB on the 1st of the next month. */
    void bill(Period period) {
        LocalDate next = period.lastDay().plusDays(1);
        billing.run(period, EnumSet.of(Category.PU), next.atTime(LocalTime.of(1, 0)).atZone(ZoneId.of("Asia/Jakarta"))
                .toInstant(), p -> { });
    }

    String employerWithOpenBill(Period period) {
        String customerNo = employerWithWorkers(period, 1, 5_000_000);
        bill(period);
        return customerNo;
    }

    long payments(String customerNo) {
        return jdbc.sql("SELECT count(*) FROM payment.payment WHERE customer_number = :c")
                .param("c", customerNo).query(Long.class).single();
    }

    long recorded(String externalId) {
        return jdbc.sql("SELECT count(*) FROM payment.snap_request WHERE external_id = :id")
                .param("id", externalId).query(Long.class).single();
    }

    private Npp freeNpp() {
        while (true) {
            String npp = String.format("%08d", RANDOM.nextInt(100_000_000));
            if (jdbc.sql("SELECT count(*) FROM employer.employer WHERE npp = :npp").param("npp", npp)
                    .query(Long.class).single() == 0) {
                return new Npp(npp);
            }
        }
    }
}
