package id.jamsos.payment.snap;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.common.JakartaTime;
import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.internal.BillingRun;
import id.jamsos.payment.internal.IncomingPayment;
import id.jamsos.payment.internal.PaymentDesk;
import id.jamsos.payment.internal.Receipt;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not a test (the name ends in neither Test nor Tests, so the build never runs it): SNAP payment callbacks
 * per second end to end over HTTP, each one signed, checked, claimed by X-EXTERNAL-ID, paid through the payment desk
 * (payer lock, allocation, bill settled, events and e-mails written) and answered, each for another open virtual
 * account. Run by {@code bench/snap-payments.sh}; prints throughput and latency percentiles.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SnapPaymentsBenchmark {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SnapPaymentsBenchmark.class);

    static final int ACCOUNTS = Integer.getInteger("bench.accounts", 60_000);
    static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 32);
    static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 60);
    static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    /**
     * Who plays the bank: {@code wrk} (default when Debian's wrk is installed) sends calls signed beforehand, so the
     * caller costs next to nothing on the shared cores; {@code jvm} signs and sends each call from threads of this
     * JVM (the JDK's HttpClient), which costs about as much CPU as the platform spends answering.
     */
    static final boolean WRK = !"jvm".equals(System.getProperty("bench.client", "wrk"))
            && java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/wrk"));
    /**
     * Whether every account paid its bill of the month before (through the payment desk, before the phases): the
     * month-end peak of a scheme in its steady state, where a payer has a payer row and money in the book. Without it
     * every call is the payer's first payment.
     */
    static final boolean PAID_BEFORE = Boolean.getBoolean("bench.paid-before");
    /** At most this many calls a second are signed beforehand for a wrk phase. */
    static final int MOST_PER_SECOND = 800;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BillingRun billing;
    @Autowired
    PaymentDesk desk;
    @Autowired
    id.jamsos.ledger.internal.LedgerAccounts ledgerAccounts;
    @Autowired
    Clock clock;

    @Test
    void paymentCallbacksPerSecond() throws Exception {
        LocalDate today = JakartaTime.today(clock);
        Period period = Period.of(today).previous();
        long started = System.nanoTime();
        List<String> accounts = openAccounts(period);
        // Statistics as a production database has them: a plan made while a table looked empty scans it whole.
        jdbc.sql("ANALYZE").update();
        long due = desk.due(accounts.get(0), today).orElseThrow().amount().value();
        log.info(String.format("bench: %d open virtual accounts (bill of %s, Rp %d each%s) ready in %.1f s",
                accounts.size(), period, due, PAID_BEFORE ? ", each payer's bill of " + period.previous()
                        + " paid before" : ", each call a payer's first payment", (System.nanoTime() - started) / 1e9));
        log.info("bench server: " + jdbc.sql("SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ', ' ORDER BY name)"
                + " FROM pg_settings WHERE name IN ('server_version', 'shared_buffers', 'max_wal_size',"
                + " 'checkpoint_timeout', 'synchronous_commit', 'wal_compression', 'full_page_writes')")
                .query(String.class).single());
        SnapBank bank = new SnapBank(port);
        bank.token();
        AtomicInteger next = new AtomicInteger();
        // The last account is kept for the replays, whatever the phases before them managed to pay.
        String replayed = accounts.get(accounts.size() - 1);
        accounts = accounts.subList(0, accounts.size() - 1);
        if (WRK) {
            log.info("bench: the bank is wrk, " + CONCURRENCY + " connections, calls signed beforehand");
            print("warm-up", wrk(bank, accounts, next, due, WARMUP_SECONDS));
            Map<String, Long> accessesBefore = tableAccesses();
            long paymentsBefore = payments();
            ServerActivity serverBefore = serverActivity();
            WrkPhase measured = wrk(bank, accounts, next, due, SECONDS);
            ServerActivity serverAfter = serverActivity();
            print("measured", measured);
            printServerActivity(serverBefore, serverAfter, measured.requests());
            printLedgerBacklog();
            assertThat(measured.requests()).as("calls answered").isPositive();
            printAccesses(accessesBefore, tableAccesses(), (int) measured.requests());
            assertThat(measured.notAccepted()).as("payments not accepted").isZero();
            // wrk counts the answers it read; calls still in flight when it stops (at most one a connection) were
            // paid too, and a thread that ran out of calls may have sent one health check instead.
            assertThat(payments() - paymentsBefore).as("one payment recorded per call")
                    .isBetween(measured.requests() - 2, measured.requests() + CONCURRENCY);
        } else {
            log.info("bench: the bank is " + CONCURRENCY + " threads of this JVM");
            Phase warmup = run(bank, accounts, next, due, WARMUP_SECONDS);
            print("warm-up", warmup);
            Map<String, Long> accessesBefore = tableAccesses();
            Phase measured = run(bank, accounts, next, due, SECONDS);
            print("measured", measured);
            printAccesses(accessesBefore, tableAccesses(), measured.latenciesNanos().length);
            assertThat(measured.failures()).as("payments not accepted").isZero();
        }
        // the SNAP layer alone (token, signature, record, stored answer) without the desk: the bank's advices of one
        // answered payment; then copies of the payment itself, which act (and are undone) before finding the record
        String paymentRequestId = SnapBank.id();
        byte[] body = bank.client().paymentBody(replayed, paymentRequestId, due, false);
        byte[] advice = bank.client().paymentBody(replayed, paymentRequestId, due, true);
        String externalId = SnapBank.id();
        assertThat(bank.send(SnapClient.PAYMENT_PATH, body, externalId).status()).isEqualTo(200);
        print("replays (advices) of one answered payment", run(CONCURRENCY, Math.max(10, SECONDS / 3),
                () -> bank.send(SnapClient.PAYMENT_PATH, advice, externalId)));
        print("copies of one answered payment", run(CONCURRENCY, Math.max(5, SECONDS / 6),
                () -> bank.send(SnapClient.PAYMENT_PATH, body, externalId)));
    }

    /**
     * Whether the ledger kept up: the settled bills still queued for posting when the phase ended, and how long the
     * poster took to post them (a rate that only queued its postings would show here).
     */
    private void printLedgerBacklog() throws InterruptedException {
        long started = System.nanoTime();
        long queued = jdbc.sql("SELECT count(*) FROM ledger.posting_queue").query(Long.class).single();
        long left = queued;
        while (left > 0 && System.nanoTime() - started < 120_000_000_000L) {
            Thread.sleep(50);
            left = jdbc.sql("SELECT count(*) FROM ledger.posting_queue").query(Long.class).single();
        }
        log.info(String.format("bench ledger: %d settled bills queued for posting at the end of the phase, posted"
                + " %.1f s later (%d left)", queued, (System.nanoTime() - started) / 1e9, left));
    }

    /** What wrk measured; latencies in microseconds. */
    record WrkPhase(long requests, double seconds, long notAccepted, long p50, long p90, long p99, long max,
                    boolean ranOut) {
    }

    /**
     * One phase with wrk as the bank: the calls for the next open accounts (at most {@link #MOST_PER_SECOND} a
     * second of the phase) are signed now, with one timestamp, well inside the five minutes the platform allows,
     * written one a line, and wrk sends each once from {@link #CONCURRENCY} connections.
     */
    private WrkPhase wrk(SnapBank bank, List<String> accounts, AtomicInteger next, long due, int seconds)
            throws Exception {
        int first = next.get();
        int count = Math.min(accounts.size() - first, seconds * MOST_PER_SECOND);
        SnapClient client = bank.client();
        String token = bank.token();
        String timestamp = client.timestamp();
        java.nio.file.Path calls = java.nio.file.Files.createTempFile("snap-calls", ".txt");
        java.nio.file.Path script = java.nio.file.Files.createTempFile("snap-payments", ".lua");
        try (java.io.InputStream lua = getClass().getResourceAsStream("/bench/snap-payments.lua")) {
            java.nio.file.Files.write(script, lua.readAllBytes());
        }
        try (java.io.BufferedWriter out = java.nio.file.Files.newBufferedWriter(calls)) {
            for (int k = 0; k < count; k++) {
                String externalId = SnapBank.id();
                byte[] body = client.paymentBody(accounts.get(first + k), SnapBank.id(), due, false);
                String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
                if (text.contains("|") || text.contains("\n")) {
                    throw new IllegalStateException("a call body the script cannot carry: " + text);
                }
                String signature = client.headers(SnapClient.PAYMENT_PATH, token, body, externalId, timestamp)
                        .get("X-SIGNATURE");
                out.write(externalId + "|" + timestamp + "|" + signature + "|" + text);
                out.newLine();
            }
        }
        Process wrk = new ProcessBuilder("/usr/bin/wrk", "-t2", "-c" + CONCURRENCY, "-d" + seconds + "s",
                "--timeout", "10s", "-s", script.toString(), "http://localhost:" + port, "--", calls.toString(), "2",
                token, client.partnerId(), SnapClient.CHANNEL_ID, SnapClient.PAYMENT_PATH)
                .redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(wrk.waitFor()).as(output).isZero();
        java.util.regex.Matcher result = java.util.regex.Pattern.compile("wrk-result lines=(\\d+) requests=(\\d+) duration_us=(\\d+)"
                + " non2xx=(\\d+) errors=(\\d+) p50=(\\d+) p90=(\\d+) p99=(\\d+) max=(\\d+)").matcher(output);
        assertThat(result.find()).as(output).isTrue();
        java.nio.file.Files.delete(calls);
        java.nio.file.Files.delete(script);
        // Accounts whose calls were not taken stay open for the next phase.
        next.set(first + (int) Math.min(count, Long.parseLong(result.group(1))));
        return new WrkPhase(Long.parseLong(result.group(2)), Long.parseLong(result.group(3)) / 1e6,
                Long.parseLong(result.group(4)) + Long.parseLong(result.group(5)), Long.parseLong(result.group(6)),
                Long.parseLong(result.group(7)), Long.parseLong(result.group(8)), Long.parseLong(result.group(9)),
                Long.parseLong(result.group(1)) >= count);
    }

    private static void print(String label, WrkPhase phase) {
        log.info(String.format("bench %s: %d requests in %.1f s = %.0f/s with %d connections (wrk); latency p50 %.1f ms,"
                        + " p90 %.1f ms, p99 %.1f ms, max %.1f ms; %d not accepted", label, phase.requests(),
                phase.seconds(), phase.requests() / phase.seconds(), CONCURRENCY, phase.p50() / 1e3,
                phase.p90() / 1e3, phase.p99() / 1e3, phase.max() / 1e3, phase.notAccepted())
                + (phase.ranOut() ? "; RAN OUT OF ACCOUNTS before the phase ended: the rate is not the platform's,"
                        + " run again with more accounts or a shorter warm-up" : ""));
    }

    private long payments() {
        return jdbc.sql("SELECT count(*) FROM payment.payment").query(Long.class).single();
    }

    /**
     * Scans of each table so far (sequential and index scans, including those of foreign-key checks); idle
     * connections report their counts within 10 s (PostgreSQL's statistics flush), so it waits that long first.
     */
    private Map<String, Long> tableAccesses() throws InterruptedException {
        Thread.sleep(11_000);
        Map<String, Long> scans = new TreeMap<>();
        jdbc.sql("SELECT schemaname || '.' || relname AS t, seq_scan + coalesce(idx_scan, 0) AS n, seq_scan,"
                        + " seq_tup_read FROM pg_stat_user_tables")
                .query((java.sql.ResultSet rs) -> {
                    scans.put(rs.getString("t"), rs.getLong("n"));
                    scans.put(SEQUENTIAL + rs.getString("t"), rs.getLong("seq_scan"));
                    scans.put(SEQUENTIAL_ROWS + rs.getString("t"), rs.getLong("seq_tup_read"));
                });
        return scans;
    }

    /** What the database server did besides answering: WAL written, checkpoints begun, autovacuum and autoanalyze runs. */
    record ServerActivity(long walBytes, long fullPageImages, long checkpoints, long autovacuums, long autoanalyzes,
                          long blocksRead, long blocksHit, long databaseBytes, Map<String, Long> autovacuumsByTable) {
    }

    private ServerActivity serverActivity() {
        // PostgreSQL 17 moved the checkpoint counts from pg_stat_bgwriter to pg_stat_checkpointer.
        String checkpoints = jdbc.sql("SHOW server_version_num").query(Integer.class).single() >= 170000
                ? "(SELECT num_timed + num_requested FROM pg_stat_checkpointer)"
                : "(SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter)";
        return jdbc.sql("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint,"
                        + " (SELECT wal_fpi FROM pg_stat_wal), " + checkpoints + ","
                        + " (SELECT sum(autovacuum_count) FROM pg_stat_user_tables)::bigint,"
                        + " (SELECT sum(autoanalyze_count) FROM pg_stat_user_tables)::bigint,"
                        + " blks_read, blks_hit, pg_database_size(current_database())"
                        + " FROM pg_stat_database WHERE datname = current_database()")
                .query((rs, n) -> new ServerActivity(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), autovacuumsByTable()))
                .single();
    }

    private Map<String, Long> autovacuumsByTable() {
        Map<String, Long> runs = new TreeMap<>();
        jdbc.sql("SELECT schemaname || '.' || relname AS t, autovacuum_count AS n FROM pg_stat_user_tables")
                .query((java.sql.ResultSet rs) -> {
                    runs.put(rs.getString("t"), rs.getLong("n"));
                });
        return runs;
    }

    private static void printServerActivity(ServerActivity before, ServerActivity after, long payments) {
        log.info(String.format("bench server during the phase: %.1f MB of WAL (%.1f kB and %.1f full-page images a"
                        + " payment), %d checkpoints begun, %d autovacuum and %d autoanalyze runs",
                (after.walBytes() - before.walBytes()) / 1e6,
                (after.walBytes() - before.walBytes()) / 1e3 / Math.max(1, payments),
                (after.fullPageImages() - before.fullPageImages()) / (double) Math.max(1, payments),
                after.checkpoints() - before.checkpoints(), after.autovacuums() - before.autovacuums(),
                after.autoanalyzes() - before.autoanalyzes()));
        StringBuilder vacuumed = new StringBuilder();
        after.autovacuumsByTable().forEach((table, runs) -> {
            long more = runs - before.autovacuumsByTable().getOrDefault(table, 0L);
            if (more > 0) {
                vacuumed.append(' ').append(table).append(' ').append(more);
            }
        });
        log.info("bench autovacuum runs during the phase by table:" + vacuumed);
        long read = after.blocksRead() - before.blocksRead();
        long hit = after.blocksHit() - before.blocksHit();
        log.info(String.format("bench buffers during the phase: %.1f blocks read from outside shared_buffers and %.0f"
                        + " found in them a payment (%.2f %% read); database %d MB at the end",
                read / (double) Math.max(1, payments), hit / (double) Math.max(1, payments),
                100.0 * read / Math.max(1, read + hit), after.databaseBytes() / 1_000_000));
    }

    /** Keys of {@link #tableAccesses} for a table's sequential scans and the rows they read. */
    private static final String SEQUENTIAL = "sequential ", SEQUENTIAL_ROWS = "sequential rows ";

    private static void printAccesses(Map<String, Long> before, Map<String, Long> after, int payments) {
        StringBuilder tables = new StringBuilder();
        StringBuilder sequential = new StringBuilder();
        long total = 0;
        for (Map.Entry<String, Long> table : after.entrySet()) {
            long scans = table.getValue() - before.getOrDefault(table.getKey(), 0L);
            if (table.getKey().startsWith(SEQUENTIAL_ROWS)) {
                continue;
            }
            if (table.getKey().startsWith(SEQUENTIAL)) {
                String name = table.getKey().substring(SEQUENTIAL.length());
                long rows = after.get(SEQUENTIAL_ROWS + name) - before.getOrDefault(SEQUENTIAL_ROWS + name, 0L);
                if (scans >= payments / 100) {
                    sequential.append(String.format(" %s %.2f (%.1f rows each)", name, scans / (double) payments,
                            rows / (double) Math.max(1, scans)));
                }
                continue;
            }
            total += scans;
            if (scans >= payments / 10) {
                tables.append(String.format(" %s %.1f", table.getKey(), scans / (double) payments));
            }
        }
        log.info(String.format("bench table scans per payment (pg_stat_user_tables): %.1f;%s", total / (double) payments,
                tables));
        log.info("bench sequential scans per payment:" + (sequential.isEmpty() ? " none" : sequential));
    }

    record Phase(long[] latenciesNanos, long failures, double seconds) {
    }

    private Phase run(SnapBank bank, List<String> accounts, AtomicInteger next, long due, int seconds) throws Exception {
        return run(CONCURRENCY, seconds, () -> {
            int i = next.getAndIncrement();
            return i < accounts.size() ? bank.pay(accounts.get(i), due, SnapBank.id(), SnapBank.id()) : null;
        });
    }

    /** Closed loop: {@code callers} threads each send the next call as soon as the last is answered. */
    private Phase run(int callers, int seconds, java.util.concurrent.Callable<SnapClient.Response> call)
            throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong failures = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<long[]>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < callers; w++) {
            workers.add(pool.submit(() -> {
                long[] latencies = new long[1024];
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    SnapClient.Response response = call.call();
                    long took = System.nanoTime() - t0;
                    if (response == null) {
                        break;
                    }
                    if (response.status() != 200) {
                        failures.incrementAndGet();
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = took;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> worker : workers) {
            all.add(worker.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Phase(merged, failures.get(), elapsed);
    }

    private static void print(String label, Phase phase) {
        long[] l = phase.latenciesNanos();
        log.info(String.format("bench %s: %d requests in %.1f s = %.0f/s with %d concurrent callers; latency p50 %.1f ms,"
                        + " p90 %.1f ms, p99 %.1f ms, max %.1f ms; %d not accepted", label, l.length, phase.seconds(),
                l.length / phase.seconds(), CONCURRENCY, ms(l, 0.50), ms(l, 0.90), ms(l, 0.99),
                l.length == 0 ? 0 : l[l.length - 1] / 1e6, phase.failures()));
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }

    /** {@link #ACCOUNTS} employers with one worker each, billed for {@code period}: one open bill per account. */
    private List<String> openAccounts(Period period) throws Exception {
        Period first = PAID_BEFORE ? period.previous() : period;
        List<Long> ids = jdbc.sql("""
                        INSERT INTO employer.employer (npp, name, address, risk_class, created_at)
                        SELECT lpad((10000000 + g)::text, 8, '0'), 'PT Bench ' || g, 'Jl. Bench 1, Jakarta', 1, now()
                          FROM generate_series(1, :n) g
                        RETURNING id""").param("n", ACCOUNTS).query(Long.class).list();
        jdbc.sql("""
                        INSERT INTO employer.employment (employer_id, member_id, kpj, start_date, joining_wage_rupiah,
                                                         job_title, created_at)
                        SELECT e.id, gen_random_uuid(), lpad(e.id::text, 11, '0'), :start, 5000000, 'Staf', now()
                          FROM employer.employer e WHERE e.name LIKE 'PT Bench %'""")
                .param("start", first.firstDay()).update();
        // Every worker has the JHT account their activation opened (MemberActivated), as in production.
        List<java.util.UUID> workers = jdbc.sql("""
                        SELECT member_id FROM employer.employment m JOIN employer.employer e ON e.id = m.employer_id
                        WHERE e.name LIKE 'PT Bench %'""").query(java.util.UUID.class).list();
        for (int i = 0; i < workers.size(); i += 5_000) {
            ledgerAccounts.openJht(workers.subList(i, Math.min(workers.size(), i + 5_000)), first.firstDay());
        }
        SnapFixtures fixtures = new SnapFixtures(jdbc, billing);
        List<String> accounts = jdbc.sql("SELECT '1' || npp FROM employer.employer WHERE name LIKE 'PT Bench %'"
                + " ORDER BY random()").query(String.class).list();
        assertThat(accounts).hasSize(ids.size());
        if (PAID_BEFORE) {
            fixtures.bill(first);
            payEach(accounts);
        }
        fixtures.bill(period);
        return accounts;
    }

    /** Each account pays what it owes through the payment desk (in-process, 8 at a time); the ledger posts it all. */
    private void payEach(List<String> accounts) throws Exception {
        long started = System.nanoTime();
        LocalDate today = JakartaTime.today(clock);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger paid = new AtomicInteger();
        ExecutorService payers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(payers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < accounts.size(); i = next.getAndIncrement()) {
                        String account = accounts.get(i);
                        Rupiah due = desk.due(account, today).orElseThrow().amount();
                        if (desk.receive(new IncomingPayment("VIRTUAL_ACCOUNT", "BENCH",
                                "before-" + account, account, due, clock.instant()))
                                instanceof Receipt.Accepted) {
                            paid.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            payers.shutdownNow();
        }
        assertThat(paid.get()).as("bills of the month before paid").isEqualTo(accounts.size());
        while (jdbc.sql("SELECT count(*) FROM ledger.posting_queue").query(Long.class).single() > 0) {
            Thread.sleep(200);
        }
        log.info(String.format("bench: the bills of the month before paid by every account in %.1f s (%.0f/s)",
                (System.nanoTime() - started) / 1e9, accounts.size() / ((System.nanoTime() - started) / 1e9)));
    }
}
