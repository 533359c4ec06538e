package id.jamsos.ledger.internal;

import id.jamsos.common.Rupiah;
import id.jamsos.contribution.BillAmount;
import id.jamsos.contribution.BillLines;
import id.jamsos.contribution.BillLines.WorkerShare;
import id.jamsos.contribution.BillSettled;
import id.jamsos.contribution.Party;
import id.jamsos.contribution.Program;
import id.jamsos.ledger.internal.LedgerAccounts.Kind;
import id.jamsos.ledger.internal.JournalEntry.Component;
import id.jamsos.ledger.internal.JournalEntry.Reason;
import java.sql.Types;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts a settled bill as one journal entry (key {@code bill:<id>}, effective on the day paid): each program's total
 * is debited from that program's clearing account; each worker's JHT shares are credited to the worker's JHT
 * account (RULES.md §5: employer 3.7 % + worker 2 % for PU, the worker's 2 % for BPU), the JKK, JKM and JP shares to
 * their pooled funds, adjustments without a worker to the program's fund, the penalty to penalty income. Records the
 * member's JHT contribution and JP month in the same transaction, and tells the wage earners of an employer's bill
 * what went into their JHT ({@link ContributionNotices}).
 */
@Service
public class BillPosting {

    private final Journal journal;
    private final LedgerAccounts accounts;
    private final BillLines billLines;
    private final JdbcClient jdbc;
    private final ContributionNotices notices;

    BillPosting(Journal journal, LedgerAccounts accounts, BillLines billLines, JdbcClient jdbc,
                ContributionNotices notices) {
        this.journal = journal;
        this.accounts = accounts;
        this.billLines = billLines;
        this.jdbc = jdbc;
        this.notices = notices;
    }

    /** Answers the entry id, or empty when the bill was posted before or carried no money. */
    @Transactional
    public Optional<Long> post(BillSettled settled) {
        String key = "bill:" + settled.billId();
        if (jdbc.sql("SELECT count(*) FROM ledger.entry WHERE idempotency_key = :key").param("key", key)
                .query(Long.class).single() > 0) {
            return Optional.empty();
        }
        List<WorkerShare> shares = billLines.lines(settled.billId());
        Map<UUID, long[]> jht = perWorker(shares, Program.JHT);
        JournalEntry.Builder entry = JournalEntry.builder(Reason.CONTRIBUTION, settled.paidOn(), key)
                .bill(settled.billId());
        Map<Program, Long> totals = totals(settled.amounts());
        for (Map.Entry<Program, Long> total : totals.entrySet()) {
            entry.debit(accounts.system(Kind.CLEARING, total.getKey().name()), Rupiah.of(total.getValue()), null);
        }
        long assignedJht = 0;
        Map<UUID, Long> jhtAccounts = accounts.openJht(jht.keySet(), settled.paidOn());
        for (Map.Entry<UUID, long[]> worker : jht.entrySet()) {
            long account = jhtAccounts.get(worker.getKey());
            entry.credit(account, Rupiah.of(worker.getValue()[0]), Component.EMPLOYER);
            entry.credit(account, Rupiah.of(worker.getValue()[1]), Component.WORKER);
            assignedJht += worker.getValue()[0] + worker.getValue()[1];
        }
        for (Map.Entry<Program, Long> total : totals.entrySet()) {
            long toFund = total.getKey() == Program.JHT ? total.getValue() - assignedJht : total.getValue();
            entry.credit(accounts.system(Kind.FUND, total.getKey().name()), Rupiah.of(toFund), null);
        }
        entry.debit(accounts.system(Kind.CLEARING, null), settled.penalty(), Component.PENALTY);
        entry.credit(accounts.system(Kind.PENALTY_INCOME, null), settled.penalty(), Component.PENALTY);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> id = journal.post(entry.build());
        id.ifPresent(entryId -> {
            record(settled, entryId, jht, perWorker(shares, Program.JP), wages(shares));
            Long employer = employerOf(settled);
            if (employer != null) {
                notices.tell(settled, employer, jht);
            }
        });
        return id;
    }

    /** One statement per table whatever the number of workers (arrays unnested by PostgreSQL). */
    private void record(BillSettled settled, long entryId, Map<UUID, long[]> jht, Map<UUID, long[]> jp,
                        Map<UUID, Long> wages) {
        if (!jht.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO ledger.jht_contribution (member_id, bill_id, period, employer_id, employer,
                                                                 worker, paid_on, entry_id, wage)
                            SELECT m, :bill, :period, :employerId, e, w, :paidOn, :entry, g
                            FROM unnest(CAST(:members AS uuid[]), CAST(:employer AS bigint[]),
                                        CAST(:worker AS bigint[]), CAST(:wages AS bigint[])) AS t(m, e, w, g)""")
                    .param("bill", settled.billId()).param("period", settled.period().toString())
                    .param("employerId", employerOf(settled), Types.BIGINT).param("paidOn", settled.paidOn())
                    .param("entry", entryId).param("members", jht.keySet().toArray(UUID[]::new))
                    .param("employer", jht.values().stream().map(a -> a[0]).toArray(Long[]::new))
                    .param("worker", jht.values().stream().map(a -> a[1]).toArray(Long[]::new))
                    .param("wages", jht.keySet().stream().map(wages::get).toArray(Long[]::new)).update();
        }
        if (!jp.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO ledger.jp_month (member_id, period, bill_id, employer, worker, paid_on, wage)
                            SELECT m, :period, :bill, e, w, :paidOn, g
                            FROM unnest(CAST(:members AS uuid[]), CAST(:employer AS bigint[]),
                                        CAST(:worker AS bigint[]), CAST(:wages AS bigint[])) AS t(m, e, w, g)""")
                    .param("period", settled.period().toString()).param("bill", settled.billId())
                    .param("paidOn", settled.paidOn()).param("members", jp.keySet().toArray(UUID[]::new))
                    .param("employer", jp.values().stream().map(a -> a[0]).toArray(Long[]::new))
                    .param("worker", jp.values().stream().map(a -> a[1]).toArray(Long[]::new))
                    .param("wages", jp.keySet().stream().map(wages::get).toArray(Long[]::new)).update();
        }
    }

    /**
     * Per worker, the wage the bill's lines were computed from (contribution V86; none on lines from before it was
     * recorded). Every line of a worker carries the same wage, so one program-and-party line tells it; a worker billed
     * twice on one bill (two employments with one employer in a month) has that line twice and the wages add up.
     */
    private static Map<UUID, Long> wages(List<WorkerShare> shares) {
        Map<UUID, Map<String, Long>> perLine = new LinkedHashMap<>();
        for (WorkerShare share : shares) {
            if (share.wage() != null) {
                perLine.computeIfAbsent(share.memberId(), m -> new LinkedHashMap<>())
                        .merge(share.program() + ":" + share.party(), share.wage().value(), Math::addExact);
            }
        }
        Map<UUID, Long> wages = new LinkedHashMap<>();
        perLine.forEach((member, lines) -> wages.put(member, lines.values().iterator().next()));
        return wages;
    }

    /**
     * The employer who paid, null for an informal worker. Employer ids start at 1: an id of 0 is how
     * {@code JdbcBills.bill} currently reports a BPU bill's missing employer (its {@code wasNull()} reads the wrong
     * column), so it is read as none here.
     */
    private static Long employerOf(BillSettled settled) {
        Long employer = settled.payer().employerId();
        return employer == null || employer <= 0 ? null : employer;
    }

    private static Map<Program, Long> totals(List<BillAmount> amounts) {
        Map<Program, Long> totals = new EnumMap<>(Program.class);
        for (BillAmount amount : amounts) {
            totals.merge(amount.program(), amount.amount().value(), Math::addExact);
        }
        return totals;
    }

    /** Per worker: {employer's share, worker's share} of a program. */
    private static Map<UUID, long[]> perWorker(List<WorkerShare> shares, Program program) {
        Map<UUID, long[]> perWorker = new LinkedHashMap<>();
        for (WorkerShare share : shares) {
            if (share.program() == program) {
                long[] amounts = perWorker.computeIfAbsent(share.memberId(), m -> new long[2]);
                amounts[share.party() == Party.EMPLOYER ? 0 : 1] += share.amount().value();
            }
        }
        return perWorker;
    }
}
