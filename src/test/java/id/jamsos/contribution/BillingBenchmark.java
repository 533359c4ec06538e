package id.jamsos.contribution;

import id.jamsos.JamsosApplication;
import id.jamsos.common.Period;
import id.jamsos.contribution.internal.BillingRun;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The billing benchmark (a benchmark, not a test: run by {@code bench/billing.sh}). On a throw-away database it
 * generates N employments (100 per employer) and N/100 informal workers, times the monthly billing run for one
 * period, then times plain set-based SQL writing the same number of bill lines into a scratch table with the same
 * columns and index (the machine's limit), and prints both rates and their ratio.
 */
public final class BillingBenchmark {

    static final int WORKERS_PER_EMPLOYER = 100;

    private BillingBenchmark() {
    }

    public static void main(String[] args) {
        long employments = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int chunk = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        SpringApplication application = new SpringApplication(JamsosApplication.class);
        try (ConfigurableApplicationContext context = application.run("--jamsos.database.fresh=true",
                "--db-scheduler.enabled=false", "--server.port=0", "--jamsos.demo-data.enabled=false", "--logging.level.root=WARN",
                "--spring.datasource.hikari.maximum-pool-size=4")) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            BillingRun billing = context.getBean(BillingRun.class);
            generate(jdbc, employments);
            Period period = Period.of(2025, 3);
            AtomicLong last = new AtomicLong();
            BillingRun.Totals totals = billing.run(period, BillingRun.BOTH, Instant.parse("2025-04-01T00:00:00Z"),
                    chunk, BillingRun.ChunkHook.NONE, progress -> {
                        if (progress.chunksDone() % 20 == 0 || progress.chunksDone() == progress.chunksTotal()) {
                            System.out.println(progress.line());
                        }
                        last.set(progress.lines());
                    });
            double runSeconds = totals.elapsed().toNanos() / 1e9;
            double runRate = totals.lines() / runSeconds;
            System.out.printf("billing run: %d bills, %d lines in %.1f s = %.0f lines/s (%.0f employments/s)%n",
                    totals.bills(), totals.lines(), runSeconds, runRate, employments / runSeconds);

            jdbc.sql("CREATE TABLE public.bench_scratch_line (LIKE contribution.bill_line)").update();
            jdbc.sql("CREATE INDEX ON public.bench_scratch_line (bill_id)").update();
            long started = System.nanoTime();
            long raw = jdbc.sql("INSERT INTO public.bench_scratch_line SELECT * FROM contribution.bill_line"
                    + " WHERE period = '2025-03'").update();
            double rawSeconds = (System.nanoTime() - started) / 1e9;
            double rawRate = raw / rawSeconds;
            System.out.printf("set-based SQL: %d lines in %.1f s = %.0f lines/s%n", raw, rawSeconds, rawRate);
            System.out.printf("ratio billing run / set-based SQL: %.0f %%%n", 100 * runRate / rawRate);
        }
        System.exit(0);
    }

    /** Employers of every risk class with 100 workers each, joining wages spread from Rp 3 to 20 million. */
    private static void generate(JdbcClient jdbc, long employments) {
        long started = System.nanoTime();
        long employers = Math.max(1, employments / WORKERS_PER_EMPLOYER);
        jdbc.sql("""
                        INSERT INTO employer.employer (npp, name, address, risk_class, created_at)
                        SELECT lpad(g::text, 8, '0'), 'PT Bench ' || g, 'Jl. Bench ' || g, 1 + g % 5, now()
                          FROM generate_series(1, :n) g""").param("n", employers).update();
        jdbc.sql("""
                        INSERT INTO employer.employment (employer_id, member_id, kpj, start_date, joining_wage_rupiah,
                                                         job_title, created_at)
                        SELECT e.id, gen_random_uuid(), lpad((e.id * 1000 + w)::text, 11, '0'), DATE '2025-01-01',
                               3000000 + (e.id * 7919 + w * 104729) % 17000000, 'Staf', now()
                          FROM employer.employer e CROSS JOIN generate_series(1, :per) w""")
                .param("per", WORKERS_PER_EMPLOYER).update();
        jdbc.sql("""
                        INSERT INTO contribution.participation (member_id, from_period, declared_income, programs, enrolled_at)
                        SELECT gen_random_uuid(), '2025-01', 1000000 + g * 1000 % 5000000,
                               CASE WHEN g % 2 = 0 THEN 'JHT,JKK,JKM' ELSE 'JKK,JKM' END, now()
                          FROM generate_series(1, :n) g""").param("n", employers).update();
        jdbc.sql("ANALYZE").update();
        System.out.printf("generated %d employers, %d employments, %d informal workers in %.1f s%n", employers,
                employers * WORKERS_PER_EMPLOYER, employers, (System.nanoTime() - started) / 1e9);
    }
}
