package id.jamsos.employer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.common.Period;
import id.jamsos.employer.Workforce;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How fast billing can read the workforce: N synthetic employments (default 1,000,000: 10,000 employers of 100
 * workers, half with a reported wage for the month, a tenth with a later month already reported so the history is
 * searched), read in chunks of employer ids. Not a test (the name keeps it out of the default run):
 * {@code ./mvnw -o test -Dtest=WorkforceBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Djamsos.bench.employments=1000000}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class WorkforceBenchmark {

    static final int WORKERS_PER_EMPLOYER = 100;
    static final int EMPLOYERS_PER_CHUNK = 1_000;

    @Autowired
    Workforce workforce;
    @Autowired
    JdbcClient jdbc;

    @Test
    void readsTheBillableWagesOfEveryEmployment() {
        int employments = Integer.getInteger("jamsos.bench.employments", 1_000_000);
        int employers = employments / WORKERS_PER_EMPLOYER;
        long started = System.nanoTime();
        generate(employers);
        System.out.printf("generated %,d employments in %,d ms%n", employments, (System.nanoTime() - started) / 1_000_000);

        Period period = Period.of(2025, 3);
        long first = jdbc.sql("SELECT min(id) FROM employer.employer WHERE name LIKE 'Bench %'").query(Long.class).single();
        long last = jdbc.sql("SELECT max(id) FROM employer.employer").query(Long.class).single();
        System.out.println(String.join("\n", jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + JdbcWorkforce.BILLABLE)
                .param("period", period.toString()).param("firstDay", period.firstDay())
                .param("lastDay", period.lastDay()).param("from", first).param("to", first + EMPLOYERS_PER_CHUNK)
                .query(String.class).list()));
        for (int round = 1; round <= 2; round++) {
            long rows = 0;
            long begin = System.nanoTime();
            for (long from = first; from <= last; from += EMPLOYERS_PER_CHUNK) {
                rows += workforce.billableWages(period, from, from + EMPLOYERS_PER_CHUNK).size();
            }
            long millis = (System.nanoTime() - begin) / 1_000_000;
            System.out.printf("round %d: billableWages read %,d rows in %,d ms (%,d rows/s), chunks of %,d employers%n",
                    round, rows, millis, rows * 1000 / Math.max(1, millis), EMPLOYERS_PER_CHUNK);
            assertThat(rows).isEqualTo(employments);
        }
    }

    private void generate(int employers) {
        jdbc.sql("""
                        INSERT INTO employer.employer (npp, name, address, risk_class, created_at)
                        SELECT lpad((90000000 + i)::text, 8, '0'), 'Bench ' || i, 'Jl. Bench', 1 + i % 5, now()
                          FROM generate_series(1, :n) i""").param("n", employers).update();
        jdbc.sql("""
                        INSERT INTO employer.employment (employer_id, member_id, kpj, start_date, joining_wage_rupiah,
                                                         job_title, created_at)
                        SELECT e.id, gen_random_uuid(), lpad((e.id * 1000 + w)::text, 11, '0'), DATE '2024-01-01',
                               5000000 + w * 1000, 'Staf', now()
                          FROM employer.employer e, generate_series(1, :workers) w
                         WHERE e.name LIKE 'Bench %'""").param("workers", WORKERS_PER_EMPLOYER).update();
        jdbc.sql("""
                        INSERT INTO employer.wage_report (employer_id, period, status, source, line_count, valid_count,
                                                          created_by, created_at, applied_at)
                        SELECT id, '2025-03', 'APPLIED', 'SCREEN', 0, 0, gen_random_uuid(), now(), now()
                          FROM employer.employer WHERE name LIKE 'Bench %'""").update();
        jdbc.sql("""
                        INSERT INTO employer.reported_wage (employer_id, member_id, period, wage_rupiah, report_id, applied_at)
                        SELECT e.employer_id, e.member_id, p.period, 6000000, r.id, now()
                          FROM employer.employment e JOIN employer.wage_report r ON r.employer_id = e.employer_id
                          CROSS JOIN (VALUES ('2025-03'), ('2025-04')) p(period)
                         WHERE hashtext(e.member_id::text) % 2 = 0
                           AND (p.period = '2025-03' OR hashtext(e.member_id::text) % 10 = 0)""").update();
        jdbc.sql("""
                        INSERT INTO employer.current_wage (employer_id, member_id, period, wage_rupiah)
                        SELECT employer_id, member_id, max(period), 6000000 FROM employer.reported_wage
                         GROUP BY employer_id, member_id""").update();
        jdbc.sql("ANALYZE employer.employment").update();
        jdbc.sql("ANALYZE employer.current_wage").update();
        jdbc.sql("ANALYZE employer.reported_wage").update();
    }
}
