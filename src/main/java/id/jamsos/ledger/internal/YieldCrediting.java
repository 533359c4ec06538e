package id.jamsos.ledger.internal;

import id.jamsos.common.InvalidValue;
import id.jamsos.ledger.internal.LedgerAccounts.Kind;
import id.jamsos.ledger.internal.YieldRates.YieldRate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Credits a year's yield to every JHT account (RULES.md §5), one entry per account and year effective 31 December,
 * debited from the JHT fund. Runs in chunks of account ids, each in its own transaction and written set-based by one
 * statement (no Java object per account): a crash loses at most the chunks in progress, and a rerun skips every account already credited under the rate in force. When the rate was
 * corrected since, the rerun reverses the earlier entry and posts the new one, so only the difference moves.
 */
@Service
public class YieldCrediting {

    /**
     * Called after each chunk is committed, with the chunk's number in id order, on the worker that credited it
     * (tests inject a crash here).
     */
    public interface ChunkHook {
        void after(int chunk);
    }

    public record Totals(int year, int chunks, long credited, long corrected, long unchanged, long amount,
                         Duration elapsed) {
    }

    public static final int CHUNK_SIZE = 20_000;

    /** Chunks credited at once (one connection each): this machine's two cores. */
    public static final int WORKERS = 2;

    private final JdbcClient jdbc;
    private final LedgerAccounts accounts;
    private final YieldRates rates;
    private final TransactionTemplate transactions;

    YieldCrediting(JdbcClient jdbc, LedgerAccounts accounts, YieldRates rates, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.rates = rates;
        this.transactions = transactions;
    }

    public Totals credit(int year) {
        return credit(year, CHUNK_SIZE, chunk -> { });
    }

    public Totals credit(int year, int chunkSize, ChunkHook hook) {
        return credit(year, chunkSize, WORKERS, hook);
    }

    /**
     * Credits the chunks with {@code workers} connections at once, each chunk in its own transaction. The chunks
     * hold disjoint accounts and meet only on the JHT fund's balance row, which each updates last, just before its
     * commit. The first failure (or a hook's exception) stops the workers taking new chunks; the chunks in progress
     * finish or roll back, and the failure is rethrown.
     */
    public Totals credit(int year, int chunkSize, int workers, ChunkHook hook) {
        YieldRate rate = rates.inForce(year).orElseThrow(() -> new InvalidValue("yield.no-rate", year));
        long started = System.nanoTime();
        long fund = accounts.system(Kind.FUND, "JHT");
        long[] range = jdbc.sql("SELECT coalesce(min(id), 0), coalesce(max(id), -1) FROM ledger.account"
                        + " WHERE kind = 'MEMBER_JHT'")
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        int count = (int) Math.max(0, (range[1] - range[0] + chunkSize) / chunkSize);
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        long[] totals = new long[5]; // credited, corrected, unchanged, rupiah, chunks (guarded by itself)
        Runnable worker = () -> {
            for (int chunk = next.getAndIncrement(); chunk < count && !failed.get(); chunk = next.getAndIncrement()) {
                long lo = range[0] + (long) chunk * chunkSize, hi = lo + chunkSize;
                try {
                    long[] done = transactions.execute(status -> chunk(year, rate, fund, lo, hi));
                    synchronized (totals) {
                        for (int i = 0; i < 4; i++) {
                            totals[i] += done[i];
                        }
                        totals[4]++;
                    }
                    hook.after(chunk);
                } catch (RuntimeException | Error e) {
                    failed.set(true);
                    throw e;
                }
            }
        };
        int threads = Math.max(1, Math.min(workers, count));
        AtomicInteger named = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads,
                task -> new Thread(task, "yield-" + year + "-" + named.incrementAndGet()));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                running.add(pool.submit(worker));
            }
            RuntimeException first = null;
            for (Future<?> future : running) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed.set(true);
                    first = first != null ? first : new IllegalStateException("yield crediting interrupted", e);
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdown();
        }
        return new Totals(year, (int) totals[4], totals[0], totals[1], totals[2], totals[3],
                Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * One chunk: {credited, corrected, unchanged, rupiah, fund debits, fund credits}. In one statement the chunk's
     * member balance rows are locked in account order (the order {@link Journal} takes member rows in, so the two
     * never deadlock; and two runs cannot credit one account twice) while their accounts are read with Σ B(m) for the
     * year; the yield is computed in SQL ({@link YieldFormula#SQL}); entry ids are drawn from the entry sequence up
     * front, so the reversals, the new entries, their lines, the members' cached balances and {@code yield_credit}
     * are all written from that one computed set without joining anything back. The JHT fund's balance follows in a
     * second statement, after the member rows as in {@link Journal}, so the chunks running at once wait for each
     * other only from there to their commit.
     */
    private long[] chunk(int year, YieldRate rate, long fund, long lo, long hi) {
        long[] done = jdbc.sql(CHUNK).param("year", year).param("lo", lo).param("hi", hi)
                .param("bp", (long) rate.rate().basisPoints()).param("rate", rate.id()).param("fund", fund)
                .query((rs, row) -> new long[] {rs.getLong("credited"), rs.getLong("corrected"),
                        rs.getLong("unchanged"), rs.getLong("amount"), rs.getLong("fund_debits"),
                        rs.getLong("fund_credits")})
                .single();
        if (done[4] != 0 || done[5] != 0) {
            jdbc.sql("UPDATE ledger.balance SET debits = debits + :debits, credits = credits + :credits,"
                            + " updated_at = now() WHERE account_id = :fund")
                    .param("debits", done[4]).param("credits", done[5]).param("fund", fund).update();
        }
        return done;
    }

    /**
     * Σ B(m) counts each movement up to 31 December once per month-end from its own month on (twelve times when
     * before the year), leaving out this year's own yield and any later one; each distinct entry of the chunk's
     * lines is looked up once by id (joining the lines to the entries would scan the whole journal per chunk).
     * Accounts already credited under the rate in force are unchanged; an account without a credit whose yield
     * rounds to zero gets no row. A corrected rate reverses the earlier entry (its lines with the sides swapped) and
     * posts the new one, unless the yield stays the same: then only the row moves to the new rate.
     */
    private static final String CHUNK = """
            WITH chunk_lines AS MATERIALIZED (
                SELECT l.account_id, l.entry_id, CASE l.side WHEN 'C' THEN l.amount ELSE -l.amount END AS amount
                FROM ledger.line l WHERE l.account_id >= :lo AND l.account_id < :hi),
            months AS MATERIALIZED (
                SELECT e.id, CASE WHEN e.effective_on < make_date(:year, 1, 1) THEN 12
                                  ELSE 13 - extract(MONTH FROM e.effective_on)::int END AS months
                FROM ledger.entry e
                WHERE e.id IN (SELECT DISTINCT entry_id FROM chunk_lines)
                  AND e.effective_on <= make_date(:year, 12, 31)
                  AND (e.yield_year IS NULL OR e.yield_year < :year)),
            moved AS (
                SELECT l.account_id, CAST(sum(l.amount * m.months) AS bigint) AS s
                FROM chunk_lines l JOIN months m ON m.id = l.entry_id
                GROUP BY l.account_id),
            chunk AS (
                SELECT a.id, coalesce(m.s, 0) AS s, CAST(:bp AS bigint) AS bp, c.rate_id, c.entry_id,
                       coalesce(c.amount, 0) AS credited
                FROM ledger.account a
                JOIN ledger.balance b ON b.account_id = a.id
                LEFT JOIN moved m ON m.account_id = a.id
                LEFT JOIN ledger.yield_credit c ON c.account_id = a.id AND c.year = :year
                                                AND c.account_id >= :lo AND c.account_id < :hi
                WHERE a.kind = 'MEMBER_JHT' AND a.id >= :lo AND a.id < :hi
                ORDER BY a.id
                FOR UPDATE OF b),
            computed AS (
                SELECT id, rate_id, entry_id, credited, %s AS yield FROM chunk),
            todo AS MATERIALIZED (
                SELECT id, rate_id, entry_id, credited, yield,
                       CASE WHEN rate_id IS NOT NULL AND yield <> credited AND entry_id IS NOT NULL
                            THEN nextval(pg_get_serial_sequence('ledger.entry', 'id')) END AS reversal_id,
                       CASE WHEN yield > 0 AND (rate_id IS NULL OR yield <> credited)
                            THEN nextval(pg_get_serial_sequence('ledger.entry', 'id')) END AS yield_entry_id
                FROM computed
                WHERE rate_id IS DISTINCT FROM :rate AND (rate_id IS NOT NULL OR yield > 0)
                ORDER BY id),
            entries AS (
                INSERT INTO ledger.entry (id, reason, effective_on, idempotency_key, reverses, yield_year)
                OVERRIDING SYSTEM VALUE
                SELECT reversal_id, 'REVERSAL', make_date(:year, 12, 31), 'reversal:' || entry_id, entry_id, :year
                FROM todo WHERE reversal_id IS NOT NULL
                UNION ALL
                SELECT yield_entry_id, 'YIELD', make_date(:year, 12, 31), 'yield:' || id || ':' || :year || ':' || :rate,
                       NULL, :year
                FROM todo WHERE yield_entry_id IS NOT NULL
                ORDER BY 1),
            new_lines AS MATERIALIZED (
                SELECT t.reversal_id AS entry_id, l.line_no, l.account_id,
                       CASE l.side WHEN 'D' THEN 'C' ELSE 'D' END AS side, l.amount, l.component
                FROM todo t JOIN ledger.line l ON l.entry_id = t.entry_id
                WHERE t.reversal_id IS NOT NULL
                UNION ALL
                SELECT t.yield_entry_id, n, CASE n WHEN 1 THEN :fund ELSE t.id END, CASE n WHEN 1 THEN 'D' ELSE 'C' END,
                       t.yield, CASE n WHEN 1 THEN NULL ELSE 'YIELD' END
                FROM todo t CROSS JOIN generate_series(1, 2) n
                WHERE t.yield_entry_id IS NOT NULL),
            lines AS (
                INSERT INTO ledger.line (entry_id, line_no, account_id, side, amount, component)
                SELECT * FROM new_lines ORDER BY entry_id, line_no),
            balances AS (
                UPDATE ledger.balance b SET debits = b.debits + m.debits, credits = b.credits + m.credits,
                                            updated_at = now()
                FROM (SELECT account_id, coalesce(sum(amount) FILTER (WHERE side = 'D'), 0) AS debits,
                             coalesce(sum(amount) FILTER (WHERE side = 'C'), 0) AS credits
                      FROM new_lines WHERE account_id <> :fund GROUP BY account_id) m
                WHERE b.account_id = m.account_id),
            credits AS (
                INSERT INTO ledger.yield_credit (account_id, year, rate_id, amount, entry_id)
                SELECT id, :year, :rate, yield,
                       CASE WHEN rate_id IS NOT NULL AND yield = credited THEN entry_id ELSE yield_entry_id END
                FROM todo
                ON CONFLICT (account_id, year) DO UPDATE SET rate_id = excluded.rate_id, amount = excluded.amount,
                    entry_id = excluded.entry_id, credited_at = now())
            SELECT (SELECT count(*) FROM todo WHERE rate_id IS NULL) AS credited,
                   (SELECT count(*) FROM todo WHERE rate_id IS NOT NULL AND yield <> credited) AS corrected,
                   (SELECT count(*) FROM todo WHERE rate_id IS NOT NULL AND yield = credited)
                       + (SELECT count(*) FROM chunk WHERE rate_id = :rate) AS unchanged,
                   (SELECT coalesce(sum(yield - credited), 0) FROM todo) AS amount,
                   (SELECT coalesce(sum(amount), 0) FROM new_lines WHERE account_id = :fund AND side = 'D')
                       AS fund_debits,
                   (SELECT coalesce(sum(amount), 0) FROM new_lines WHERE account_id = :fund AND side = 'C')
                       AS fund_credits
            """.formatted(YieldFormula.SQL);
}
