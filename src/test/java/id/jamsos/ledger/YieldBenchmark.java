package id.jamsos.ledger;

import id.jamsos.JamsosApplication;
import id.jamsos.common.Rate;
import id.jamsos.ledger.internal.YieldCrediting;
import id.jamsos.ledger.internal.YieldRates;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The yield benchmark (a benchmark, not a test: run by {@code bench/yield.sh}). On a throw-away database it opens N
 * JHT accounts with a year of monthly contributions (twelve bulk entries, one line per account each, written
 * set-based with the line trigger off), times the yearly crediting (chunk size and chunks at once from the arguments),
 * then times plain set-based SQL (one statement per table, one connection) writing the same
 * number of yield entries and lines into scratch tables with the same columns and indexes, and prints both rates.
 */
public final class YieldBenchmark {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(YieldBenchmark.class);

    private YieldBenchmark() {
    }

    public static void main(String[] args) {
        long accounts = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int chunk = args.length > 1 ? Integer.parseInt(args[1]) : YieldCrediting.CHUNK_SIZE;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : YieldCrediting.WORKERS;
        SpringApplication application = new SpringApplication(JamsosApplication.class);
        try (ConfigurableApplicationContext context = application.run("--jamsos.database.fresh=true",
                "--db-scheduler.enabled=false", "--server.port=0", "--jamsos.demo-data.enabled=false",
                "--logging.level.root=WARN", "--logging.level.id.jamsos.ledger.YieldBenchmark=INFO", "--spring.datasource.hikari.maximum-pool-size=4")) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            generate(jdbc, accounts);
            context.getBean(YieldRates.class).declare(UUID.randomUUID(), "bench@jamsos.test", "127.0.0.1", 2030,
                    Rate.basisPoints(559), "benchmark");
            YieldCrediting.Totals totals = context.getBean(YieldCrediting.class).credit(2030, chunk, workers, c -> { });
            double seconds = totals.elapsed().toNanos() / 1e9;
            double rate = totals.credited() / seconds;
            log.info(String.format("yield crediting: %d accounts credited (Rp %d) in %d chunks, %d at once, in %.1f s"
                    + " = %.0f accounts/s", totals.credited(), totals.amount(), totals.chunks(), workers, seconds, rate));

            jdbc.sql("CREATE TABLE public.bench_entry (LIKE ledger.entry INCLUDING DEFAULTS INCLUDING INDEXES)").update();
            jdbc.sql("CREATE TABLE public.bench_line (LIKE ledger.line INCLUDING INDEXES)").update();
            long started = System.nanoTime();
            long raw = jdbc.sql("""
                            INSERT INTO public.bench_entry (id, reason, effective_on, idempotency_key, yield_year)
                            SELECT a.id, 'YIELD', DATE '2030-12-31', 'bench:' || a.id, 2030
                            FROM ledger.account a WHERE a.kind = 'MEMBER_JHT'""").update();
            jdbc.sql("""
                            INSERT INTO public.bench_line (entry_id, line_no, account_id, side, amount, component)
                            SELECT e.account_id, n, CASE n WHEN 1 THEN 1 ELSE e.account_id END,
                                   CASE n WHEN 1 THEN 'D' ELSE 'C' END, (e.s * 559 + 60000) / 120000, 'YIELD'
                            FROM (SELECT l.account_id, sum(l.amount * (13 - extract(MONTH FROM en.effective_on)::int)) s
                                  FROM ledger.line l JOIN ledger.entry en ON en.id = l.entry_id
                                  JOIN ledger.account a ON a.id = l.account_id AND a.kind = 'MEMBER_JHT'
                                  WHERE en.yield_year IS NULL GROUP BY l.account_id) e, generate_series(1, 2) n""")
                    .update();
            double rawSeconds = (System.nanoTime() - started) / 1e9;
            double rawRate = raw / rawSeconds;
            log.info(String.format("set-based SQL: %d entries, %d lines in %.1f s = %.0f accounts/s", raw, 2 * raw,
                    rawSeconds, rawRate));
            log.info(String.format("ratio crediting / set-based SQL: %.0f %%", 100 * rate / rawRate));
        }
        System.exit(0);
    }

    /** N accounts and twelve monthly contribution entries of 2030 (Rp 100,000–400,000 per account and month). */
    private static void generate(JdbcClient jdbc, long accounts) {
        long started = System.nanoTime();
        jdbc.sql("""
                        INSERT INTO ledger.account (kind, program, member_id, opened_on)
                        SELECT 'MEMBER_JHT', 'JHT', gen_random_uuid(), DATE '2030-01-01' FROM generate_series(1, :n)""")
                .param("n", accounts).update();
        jdbc.sql("INSERT INTO ledger.balance (account_id) SELECT id FROM ledger.account a"
                + " WHERE NOT EXISTS (SELECT 1 FROM ledger.balance b WHERE b.account_id = a.id)").update();
        jdbc.sql("ALTER TABLE ledger.line DISABLE TRIGGER lines_balanced").update();
        jdbc.sql("ALTER TABLE ledger.entry DISABLE TRIGGER entry_balanced").update();
        for (int month = 1; month <= 12; month++) {
            long entry = jdbc.sql("""
                            INSERT INTO ledger.entry (reason, effective_on, idempotency_key)
                            VALUES ('CONTRIBUTION', make_date(2030, :m, 10), 'bench:contribution:' || :m) RETURNING id""")
                    .param("m", month).query(Long.class).single();
            jdbc.sql("""
                            INSERT INTO ledger.line (entry_id, line_no, account_id, side, amount, component)
                            SELECT :e, row_number() OVER () + 1, id, 'C', 100000 + (id * 7919) % 300000, 'WORKER'
                            FROM ledger.account WHERE kind = 'MEMBER_JHT'""").param("e", entry).update();
            jdbc.sql("""
                            INSERT INTO ledger.line (entry_id, line_no, account_id, side, amount)
                            SELECT :e, 1, (SELECT id FROM ledger.account WHERE kind = 'CLEARING' AND program = 'JHT'),
                                   'D', sum(amount) FROM ledger.line WHERE entry_id = :e""").param("e", entry).update();
        }
        jdbc.sql("ALTER TABLE ledger.line ENABLE TRIGGER lines_balanced").update();
        jdbc.sql("ALTER TABLE ledger.entry ENABLE TRIGGER entry_balanced").update();
        jdbc.sql("""
                        UPDATE ledger.balance b SET debits = s.d, credits = s.c
                        FROM (SELECT account_id, coalesce(sum(amount) FILTER (WHERE side = 'D'), 0) d,
                                     coalesce(sum(amount) FILTER (WHERE side = 'C'), 0) c
                              FROM ledger.line GROUP BY account_id) s WHERE s.account_id = b.account_id""").update();
        jdbc.sql("VACUUM ANALYZE").update();
        // the embedded server's defaults checkpoint every 1 GB of WAL, which a 1 M run writes several times over;
        // a server sized for this job would not (both timings below run under the same settings)
        jdbc.sql("ALTER SYSTEM SET max_wal_size = '8GB'").update();
        jdbc.sql("ALTER SYSTEM SET checkpoint_timeout = '30min'").update();
        jdbc.sql("SELECT pg_reload_conf()").query(Boolean.class).single();
        jdbc.sql("CHECKPOINT").update();
        log.info(String.format("generated %d accounts with 12 monthly contributions in %.1f s", accounts,
                (System.nanoTime() - started) / 1e9));
    }
}
