package id.jamsos.ledger.internal;

import id.jamsos.common.InvalidValue;
import id.jamsos.common.Rupiah;
import id.jamsos.ledger.internal.JournalEntry.Component;
import id.jamsos.ledger.internal.JournalEntry.Reason;
import id.jamsos.ledger.internal.LedgerAccounts.Kind;
import id.jamsos.ledger.internal.YieldRates.YieldRate;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Credits a year's yield to every JHT account (RULES.md §5), one entry per account and year effective 31 December,
 * debited from the JHT fund. Runs in chunks of account ids, each in its own transaction: a crash loses at most the
 * chunk in progress, and a rerun skips every account already credited under the rate in force. When the rate was
 * corrected since, the rerun reverses the earlier entry and posts the new one, so only the difference moves.
 */
@Service
public class YieldCrediting {

    /** Called after each chunk is committed (tests inject a crash here). */
    public interface ChunkHook {
        void after(int chunk);
    }

    public record Totals(int year, int chunks, long credited, long corrected, long unchanged, long amount,
                         Duration elapsed) {
    }

    public static final int CHUNK_SIZE = 5_000;

    private final JdbcClient jdbc;
    private final Journal journal;
    private final LedgerAccounts accounts;
    private final YieldRates rates;
    private final TransactionTemplate transactions;

    YieldCrediting(JdbcClient jdbc, Journal journal, LedgerAccounts accounts, YieldRates rates,
                   TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.journal = journal;
        this.accounts = accounts;
        this.rates = rates;
        this.transactions = transactions;
    }

    public Totals credit(int year) {
        return credit(year, CHUNK_SIZE, chunk -> { });
    }

    public Totals credit(int year, int chunkSize, ChunkHook hook) {
        YieldRate rate = rates.inForce(year).orElseThrow(() -> new InvalidValue("yield.no-rate", year));
        long started = System.nanoTime();
        long[] range = jdbc.sql("SELECT coalesce(min(id), 0), coalesce(max(id), -1) FROM ledger.account"
                        + " WHERE kind = 'MEMBER_JHT'")
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        long credited = 0, corrected = 0, unchanged = 0, amount = 0;
        int chunks = 0;
        for (long from = range[0]; from <= range[1]; from += chunkSize) {
            long lo = from, hi = from + chunkSize;
            long[] done = transactions.execute(status -> chunk(year, rate, lo, hi));
            credited += done[0];
            corrected += done[1];
            unchanged += done[2];
            amount += done[3];
            hook.after(chunks++);
        }
        return new Totals(year, chunks, credited, corrected, unchanged, amount,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private record Account(long id, long monthEndSum, Long rateId, Long entryId, long credited) {
    }

    /** One chunk: {credited, corrected, unchanged, rupiah}. */
    private long[] chunk(int year, YieldRate rate, long lo, long hi) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        List<Account> chunk = accountsOf(year, lo, hi);
        List<JournalEntry> entries = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        long fund = accounts.system(Kind.FUND, "JHT");
        long credited = 0, corrected = 0, unchanged = 0, total = 0;
        for (Account account : chunk) {
            if (account.rateId() != null && account.rateId() == rate.id()) {
                unchanged++;
                continue;
            }
            Rupiah yield = YieldFormula.monthlyRest(account.monthEndSum(), rate.rate());
            if (account.rateId() == null && yield.isZero()) {
                continue;
            }
            if (account.rateId() != null && yield.value() == account.credited()) {
                unchanged++; // a corrected rate that does not change this account's yield moves no money
                rows.add(new Object[] {account.id(), yield.value(), null, account.entryId()});
                continue;
            }
            if (account.rateId() != null) {
                corrected++;
                if (account.entryId() != null) {
                    entries.add(journal.entry(account.entryId()).orElseThrow().reversal(account.entryId(), yearEnd));
                }
            } else {
                credited++;
            }
            if (!yield.isZero()) {
                entries.add(JournalEntry.builder(Reason.YIELD, yearEnd,
                                "yield:" + account.id() + ":" + year + ":" + rate.id()).yieldYear(year)
                        .debit(fund, yield, null).credit(account.id(), yield, Component.YIELD).build());
            }
            total += yield.value() - account.credited();
            rows.add(new Object[] {account.id(), yield.value(), yield.isZero() ? null : entries.size() - 1, null});
        }
        List<Long> ids = journal.postAll(entries);
        Long[] accountIds = new Long[rows.size()];
        Long[] amounts = new Long[rows.size()];
        Long[] entryIds = new Long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            accountIds[i] = (Long) row[0];
            amounts[i] = (Long) row[1];
            entryIds[i] = row[2] == null ? (Long) row[3] : ids.get((Integer) row[2]);
        }
        if (!rows.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO ledger.yield_credit (account_id, year, rate_id, amount, entry_id)
                            SELECT a, :year, :rate, m, e
                            FROM unnest(CAST(:accounts AS bigint[]), CAST(:amounts AS bigint[]),
                                        CAST(:entries AS bigint[])) AS t(a, m, e)
                            ON CONFLICT (account_id, year) DO UPDATE SET rate_id = excluded.rate_id,
                                amount = excluded.amount, entry_id = excluded.entry_id, credited_at = now()""")
                    .param("year", year).param("rate", rate.id()).param("accounts", accountIds)
                    .param("amounts", amounts).param("entries", entryIds).update();
        }
        return new long[] {credited, corrected, unchanged, total};
    }

    /**
     * The chunk's accounts (locked, so two runs cannot credit one account twice) with Σ B(m) for the year: each
     * movement up to 31 December counts once per month-end from its own month on (twelve times when before the
     * year), leaving out this year's own yield and any later one.
     */
    private List<Account> accountsOf(int year, long lo, long hi) {
        return jdbc.sql("""
                        WITH moved AS (
                            SELECT l.account_id,
                                   sum(CASE l.side WHEN 'C' THEN l.amount ELSE -l.amount END
                                       * CASE WHEN e.effective_on < make_date(:year, 1, 1) THEN 12
                                              ELSE 13 - extract(MONTH FROM e.effective_on)::int END) AS month_end_sum
                            FROM ledger.line l JOIN ledger.entry e ON e.id = l.entry_id
                            WHERE l.account_id >= :lo AND l.account_id < :hi
                              AND e.effective_on <= make_date(:year, 12, 31)
                              AND (e.yield_year IS NULL OR e.yield_year < :year)
                            GROUP BY l.account_id)
                        SELECT a.id, coalesce(m.month_end_sum, 0) AS month_end_sum, c.rate_id, c.entry_id,
                               coalesce(c.amount, 0) AS credited
                        FROM ledger.account a
                        LEFT JOIN moved m ON m.account_id = a.id
                        LEFT JOIN ledger.yield_credit c ON c.account_id = a.id AND c.year = :year
                        WHERE a.kind = 'MEMBER_JHT' AND a.id >= :lo AND a.id < :hi
                        ORDER BY a.id
                        FOR UPDATE OF a""")
                .param("year", year).param("lo", lo).param("hi", hi)
                .query((rs, row) -> new Account(rs.getLong("id"), rs.getLong("month_end_sum"),
                        (Long) rs.getObject("rate_id"), (Long) rs.getObject("entry_id"), rs.getLong("credited")))
                .list();
    }
}
