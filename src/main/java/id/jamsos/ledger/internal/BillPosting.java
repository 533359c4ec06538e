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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
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
        return Optional.ofNullable(postAll(List.of(settled)).get(settled.billId()));
    }

    /**
     * Posts many settled bills in the caller's transaction: one entry each (bills posted before, or carrying no
     * money, are left out), written a few statements at a time for the whole batch, flushed every {@link #FLUSH}
     * worker lines so that a batch of large employers' bills never holds more than that in memory. Answers the new
     * entries' ids by bill.
     */
    @Transactional
    public Map<Long, Long> postAll(List<BillSettled> bills) {
        return postAll(bills, FLUSH);
    }

    /** {@link #postAll(List)}, written out every {@code flushLines} worker lines. */
    @Transactional
    public Map<Long, Long> postAll(List<BillSettled> bills, int flushLines) {
        Map<Long, Long> posted = new LinkedHashMap<>();
        if (bills.isEmpty()) {
            return posted;
        }
        // A bill posted before (delivered again after a restart) is found by its entry's idempotency key when the
        // entries are written, and nothing of it is written; one twice in the batch is read once.
        // The lines are read a few bills at a time, up to what the batch may still hold before it is written out.
        Map<Long, BillSettled> unread = new LinkedHashMap<>();
        for (BillSettled settled : bills) {
            unread.putIfAbsent(settled.billId(), settled);
        }
        List<Bill> batch = new ArrayList<>();
        int lines = 0;
        while (!unread.isEmpty()) {
            SortedMap<Long, List<WorkerShare>> read = billLines.lines(unread.values().stream()
                    .map(s -> new BillLines.BillOfMonth(s.billId(), s.period())).toList(), flushLines - lines);
            for (Map.Entry<Long, List<WorkerShare>> bill : read.entrySet()) {
                batch.add(Bill.of(unread.remove(bill.getKey()), bill.getValue()));
                lines += bill.getValue().size();
            }
            if (lines >= flushLines) {
                posted.putAll(flush(batch));
                batch = new ArrayList<>();
                lines = 0;
            }
        }
        posted.putAll(flush(batch));
        return posted;
    }

    /** Worker lines read before a batch is written out. */
    static final int FLUSH = 10_000;

    /** A settled bill with its lines per worker, and each worker's JHT shares {employer's, worker's} from them. */
    private record Bill(BillSettled settled, List<WorkerShare> shares, Map<UUID, long[]> jht) {
        static Bill of(BillSettled settled, List<WorkerShare> shares) {
            return new Bill(settled, shares, perWorker(shares, Program.JHT));
        }

        Long employer() {
            return settled.payer().employerId();
        }
    }

    private Map<Long, Long> flush(List<Bill> bills) {
        Map<Long, Long> posted = new LinkedHashMap<>();
        if (bills.isEmpty()) {
            return posted;
        }
        Map<UUID, Long> jhtAccounts = jhtAccounts(bills);
        List<JournalEntry> entries = new ArrayList<>();
        List<Bill> withEntries = new ArrayList<>();
        for (Bill bill : bills) {
            entryOf(bill, jhtAccounts).ifPresent(entry -> {
                entries.add(entry);
                withEntries.add(bill);
            });
        }
        List<Long> ids = journal.postAll(entries);
        List<Recorded> recorded = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) != null) {
                Bill bill = withEntries.get(i);
                posted.put(bill.settled().billId(), ids.get(i));
                recorded.add(new Recorded(bill, ids.get(i)));
            }
        }
        record(recorded);
        notices.tell(recorded.stream().map(Recorded::bill).filter(bill -> bill.employer() != null)
                .map(bill -> new ContributionNotices.Told(bill.settled(), bill.employer(), bill.jht())).toList());
        return posted;
    }

    /**
     * Every worker's JHT account, opening those not open yet (as of the day their first bill of the batch was paid):
     * one query when all are open, as they are after activation.
     */
    private Map<UUID, Long> jhtAccounts(List<Bill> bills) {
        Map<UUID, LocalDate> firstPaid = new LinkedHashMap<>();
        for (Bill bill : bills) {
            for (UUID worker : bill.jht().keySet()) {
                firstPaid.merge(worker, bill.settled().paidOn(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Map<LocalDate, List<UUID>> byDay = new TreeMap<>();
        firstPaid.forEach((member, day) -> byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(member));
        Map<UUID, Long> open = new HashMap<>();
        byDay.forEach((day, members) -> open.putAll(accounts.openJht(members, day)));
        return open;
    }

    /** The bill's entry, or empty when it carried no money. */
    private Optional<JournalEntry> entryOf(Bill bill, Map<UUID, Long> jhtAccounts) {
        BillSettled settled = bill.settled();
        JournalEntry.Builder entry = JournalEntry.builder(Reason.CONTRIBUTION, settled.paidOn(), key(settled))
                .bill(settled.billId());
        Map<Program, Long> totals = totals(settled.amounts());
        for (Map.Entry<Program, Long> total : totals.entrySet()) {
            entry.debit(accounts.system(Kind.CLEARING, total.getKey().name()), Rupiah.of(total.getValue()), null);
        }
        long assignedJht = 0;
        for (Map.Entry<UUID, long[]> worker : bill.jht().entrySet()) {
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
        return entry.isEmpty() ? Optional.empty() : Optional.of(entry.build());
    }

    private static String key(BillSettled settled) {
        return "bill:" + settled.billId();
    }

    /** A bill posted in this batch, with its entry. */
    private record Recorded(Bill bill, long entryId) {
    }

    /**
     * The members' JHT contributions and JP months of the bills posted: one statement per table for the whole batch,
     * whatever the number of workers (arrays unnested by PostgreSQL).
     */
    private void record(List<Recorded> posted) {
        Rows jht = new Rows();
        Rows jp = new Rows();
        for (Recorded r : posted) {
            Map<UUID, Long> wages = wages(r.bill().shares());
            jht.add(r, r.bill().jht(), wages);
            jp.add(r, perWorker(r.bill().shares(), Program.JP), wages);
        }
        if (!jht.members.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO ledger.jht_contribution (member_id, bill_id, period, employer_id, employer,
                                                                 worker, paid_on, entry_id, wage)
                            SELECT * FROM unnest(CAST(:members AS uuid[]), CAST(:bills AS bigint[]),
                                                 CAST(:periods AS text[]), CAST(:employerIds AS bigint[]),
                                                 CAST(:employer AS bigint[]), CAST(:worker AS bigint[]),
                                                 CAST(CAST(:paidOn AS text[]) AS date[]), CAST(:entries AS bigint[]),
                                                 CAST(:wages AS bigint[]))""")
                    .param("members", jht.members.toArray(UUID[]::new)).param("bills", jht.bills.toArray(Long[]::new))
                    .param("periods", jht.periods.toArray(String[]::new))
                    .param("employerIds", jht.employerIds.toArray(Long[]::new))
                    .param("employer", jht.employer.toArray(Long[]::new))
                    .param("worker", jht.worker.toArray(Long[]::new))
                    .param("paidOn", jht.paidOn.toArray(String[]::new))
                    .param("entries", jht.entries.toArray(Long[]::new)).param("wages", jht.wages.toArray(Long[]::new))
                    .update();
        }
        if (!jp.members.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO ledger.jp_month (member_id, period, bill_id, employer, worker, paid_on, wage)
                            SELECT m, p, b, e, w, d, g
                            FROM unnest(CAST(:members AS uuid[]), CAST(:periods AS text[]), CAST(:bills AS bigint[]),
                                        CAST(:employer AS bigint[]), CAST(:worker AS bigint[]),
                                        CAST(CAST(:paidOn AS text[]) AS date[]), CAST(:wages AS bigint[]))
                                 AS t(m, p, b, e, w, d, g)""")
                    .param("members", jp.members.toArray(UUID[]::new)).param("periods", jp.periods.toArray(String[]::new))
                    .param("bills", jp.bills.toArray(Long[]::new)).param("employer", jp.employer.toArray(Long[]::new))
                    .param("worker", jp.worker.toArray(Long[]::new)).param("paidOn", jp.paidOn.toArray(String[]::new))
                    .param("wages", jp.wages.toArray(Long[]::new)).update();
        }
    }

    /** Rows of ledger.jht_contribution or ledger.jp_month, column by column. */
    private static final class Rows {
        final List<UUID> members = new ArrayList<>();
        final List<Long> bills = new ArrayList<>();
        final List<String> periods = new ArrayList<>();
        final List<Long> employerIds = new ArrayList<>();
        final List<Long> employer = new ArrayList<>();
        final List<Long> worker = new ArrayList<>();
        final List<String> paidOn = new ArrayList<>();
        final List<Long> entries = new ArrayList<>();
        final List<Long> wages = new ArrayList<>();

        void add(Recorded posted, Map<UUID, long[]> shares, Map<UUID, Long> wagesOf) {
            BillSettled settled = posted.bill().settled();
            for (Map.Entry<UUID, long[]> share : shares.entrySet()) {
                members.add(share.getKey());
                bills.add(settled.billId());
                periods.add(settled.period().toString());
                employerIds.add(posted.bill().employer());
                employer.add(share.getValue()[0]);
                worker.add(share.getValue()[1]);
                paidOn.add(settled.paidOn().toString());
                entries.add(posted.entryId());
                wages.add(wagesOf.get(share.getKey()));
            }
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
