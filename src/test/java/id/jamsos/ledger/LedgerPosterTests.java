package id.jamsos.ledger;

import static id.jamsos.ledger.LedgerFixtures.on;
import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.BillAmount;
import id.jamsos.contribution.BillLines;
import id.jamsos.contribution.BillSettled;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.Party;
import id.jamsos.contribution.Payer;
import id.jamsos.contribution.Program;
import id.jamsos.contribution.internal.BillingRun;
import id.jamsos.ledger.internal.BillPosting;
import id.jamsos.ledger.internal.LedgerCheck;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settled bills are posted in batches (V134): one entry per bill whatever the batch and its flushes, nothing posted
 * twice; a bill that cannot be posted waits in the queue with its error and holds up no other.
 */
@SpringBootTest
class LedgerPosterTests {

    static final Period JULY = Period.of(2023, 7);
    static final LocalDate PAID = LocalDate.of(2023, 8, 10);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    BillingRun billing;
    @Autowired
    BillPosting posting;
    @Autowired
    BillLines billLines;
    @Autowired
    JhtBalances balances;
    @Autowired
    LedgerCheck check;
    @Autowired
    TransactionTemplate transaction;

    record Billed(long bill, long employer, UUID first, UUID second) {
    }

    @Test
    void aBatchPostsOneEntryPerBillWhateverItsFlushesAndNothingTwice() {
        List<Billed> billed = employers(3, 1_000_000);
        List<BillSettled> settled = billed.stream().map(b -> settled(b.bill(), b.employer())).toList();

        // Two bills written out one by one (every 3 worker lines), the third with a repeat of the first in the batch.
        Map<Long, Long> first = transaction.execute(s -> posting.postAll(settled.subList(0, 2), 3));
        Map<Long, Long> second = transaction.execute(s -> posting.postAll(
                List.of(settled.get(2), settled.get(2), settled.get(0))));
        assertThat(first).containsOnlyKeys(billed.get(0).bill(), billed.get(1).bill());
        assertThat(second).containsOnlyKeys(billed.get(2).bill());
        Map<Long, Long> again = transaction.execute(s -> posting.postAll(settled));
        assertThat(again).as("all posted before").isEmpty();

        for (Billed b : billed) {
            assertThat(jdbc.sql("SELECT count(*) FROM ledger.entry WHERE idempotency_key = :k")
                    .param("k", "bill:" + b.bill()).query(Long.class).single()).isOne();
            // 3.7 % + 2 % of 1,000,000 and of 2,000,000
            assertThat(balances.balance(b.first())).contains(Rupiah.of(57_000));
            assertThat(balances.balance(b.second())).contains(Rupiah.of(114_000));
            assertThat(jdbc.sql("SELECT count(*) FROM ledger.jht_contribution WHERE bill_id = :b")
                    .param("b", b.bill()).query(Long.class).single()).isEqualTo(2);
            assertThat(jdbc.sql("SELECT count(*) FROM ledger.jp_month WHERE bill_id = :b")
                    .param("b", b.bill()).query(Long.class).single()).isEqualTo(2);
            assertThat(jdbc.sql("SELECT employer_id FROM ledger.jht_contribution WHERE member_id = :m")
                    .param("m", b.first()).query(Long.class).single()).isEqualTo(b.employer());
        }
        List<UUID> members = billed.stream().flatMap(b -> List.of(b.first(), b.second()).stream()).toList();
        assertThat(check.differences()).noneMatch(d -> members.stream().anyMatch(m -> d.contains(m.toString())))
                .noneMatch(d -> d.startsWith("program") || d.startsWith("journal"));
    }

    /** The poster reads the lines of a few whole bills per statement, never many more lines than it asks for. */
    @Test
    void billLinesAreReadSeveralWholeBillsAtATime() {
        List<Billed> billed = employers(3, 2_000_000);
        List<Long> ids = billed.stream().map(Billed::bill).toList();
        int perBill = billLines.lines(ids.get(0)).size();
        long noLines = ids.get(2) + 1_000_000;
        List<BillLines.BillOfMonth> given = java.util.stream.Stream.of(noLines, ids.get(2), ids.get(1), ids.get(0))
                .map(id -> new BillLines.BillOfMonth(id, JULY)).toList();

        Map<Long, List<BillLines.WorkerShare>> all = billLines.lines(given, 1_000);
        assertThat(perBill).as("lines of a bill of two workers").isGreaterThan(2);
        assertThat(all.keySet()).containsExactly(ids.get(0), ids.get(1), ids.get(2), noLines);
        for (long id : ids) {
            assertThat(all.get(id)).containsExactlyInAnyOrderElementsOf(billLines.lines(id));
        }
        assertThat(all.get(noLines)).isEmpty();
        assertThat(billLines.lines(given, perBill).keySet()).as("one bill's worth").containsExactly(ids.get(0));
        assertThat(billLines.lines(given, 2 * perBill - 1).keySet()).containsExactly(ids.get(0));
        assertThat(billLines.lines(given, 2 * perBill).keySet()).containsExactly(ids.get(0), ids.get(1));
        assertThat(billLines.lines(given, 1)).as("a bill larger than asked for is read whole, alone")
                .containsOnlyKeys(ids.get(0)).extractingByKey(ids.get(0)).asList().hasSize(perBill);
        assertThat(billLines.lines(List.of(), 10)).isEmpty();
    }

    @Test
    void aBillThatCannotBePostedWaitsWithItsErrorAndHoldsUpNoOther() throws InterruptedException {
        List<Billed> billed = employers(3, 3_000_000);
        Billed good = billed.get(0);
        Billed poisoned = billed.get(1);
        long otherEntry = transaction.execute(s -> posting.postAll(List.of(settled(billed.get(2).bill(),
                billed.get(2).employer())))).values().iterator().next();
        // The poisoned bill's first worker already has a contribution row for it (as if written by hand): recording
        // the bill's contributions breaks the table's key, so its posting cannot commit. Queued first, so that it
        // is in the same batch as the good bill.
        jdbc.sql("""
                        INSERT INTO ledger.jht_contribution (member_id, bill_id, period, employer_id, employer, worker,
                                                             paid_on, entry_id)
                        VALUES (:m, :b, '2023-07', :e, 0, 0, :d, :entry)""")
                .param("m", poisoned.first()).param("b", poisoned.bill()).param("e", poisoned.employer())
                .param("d", PAID).param("entry", otherEntry).update();
        queue(settled(poisoned.bill(), poisoned.employer()));
        queue(settled(good.bill(), good.employer()));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (queued(good.bill()) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(queued(good.bill())).as("the good bill left the queue").isFalse();
            assertThat(balances.balance(good.first())).contains(Rupiah.of(171_000)); // 5.7 % of 3,000,000
            while (attempts(poisoned.bill()) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(attempts(poisoned.bill())).as("failed attempts recorded").isPositive();
            assertThat(jdbc.sql("SELECT last_error IS NOT NULL AND retry_after > now() FROM ledger.posting_queue"
                    + " WHERE bill_id = :b").param("b", poisoned.bill()).query(Boolean.class).single()).isTrue();
            assertThat(jdbc.sql("SELECT count(*) FROM ledger.entry WHERE bill_id = :b").param("b", poisoned.bill())
                    .query(Long.class).single()).as("nothing of it posted").isZero();
            assertThat(balances.balance(poisoned.first()).orElse(Rupiah.ZERO)).isEqualTo(Rupiah.ZERO);
            assertThat(check.differences()).as("ledger check reports it")
                    .anyMatch(d -> d.startsWith("posting queue: bill " + poisoned.bill() + " not posted after"));
        } finally {
            jdbc.sql("DELETE FROM ledger.posting_queue WHERE bill_id = :b").param("b", poisoned.bill()).update();
            jdbc.sql("DELETE FROM ledger.jht_contribution WHERE bill_id = :b").param("b", poisoned.bill()).update();
        }
    }

    /** Employers with two workers each (wage w and 2w), billed for July 2023. */
    private List<Billed> employers(int count, long wage) {
        LedgerFixtures fixtures = new LedgerFixtures(jdbc);
        List<long[]> employers = new ArrayList<>();
        List<UUID[]> workers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long employer = fixtures.employer(1);
            UUID first = fixtures.employ(employer, LocalDate.of(2023, 1, 1), wage);
            UUID second = fixtures.employ(employer, LocalDate.of(2023, 1, 1), 2 * wage);
            employers.add(new long[] {employer});
            workers.add(new UUID[] {first, second});
        }
        billing.run(JULY, EnumSet.of(Category.PU), on(LocalDate.of(2023, 8, 1)), p -> { });
        List<Billed> billed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long employer = employers.get(i)[0];
            billed.add(new Billed(fixtures.billOf(employer, JULY), employer, workers.get(i)[0], workers.get(i)[1]));
        }
        return billed;
    }

    /** What the contribution module publishes when the bill is paid (without settling it, so no listener races). */
    private BillSettled settled(long bill, long employer) {
        List<BillAmount> amounts = jdbc.sql("""
                        SELECT program, party, sum(amount) AS amount FROM contribution.bill_line
                        WHERE bill_id = :b AND program IS NOT NULL GROUP BY program, party ORDER BY program, party""")
                .param("b", bill).query((rs, row) -> new BillAmount(Program.valueOf(rs.getString("program")),
                        Party.valueOf(rs.getString("party")), Rupiah.of(rs.getLong("amount")))).list();
        return new BillSettled(bill, Payer.employer(employer), JULY, PAID, amounts, Rupiah.ZERO);
    }

    private void queue(BillSettled settled) {
        jdbc.sql("""
                        INSERT INTO ledger.posting_queue (bill_id, employer_id, period, paid_on, penalty, programs,
                                                          parties, amounts)
                        VALUES (:b, :e, :p, :d, 0, CAST(:programs AS text[]), CAST(:parties AS text[]),
                                CAST(:amounts AS bigint[]))""")
                .param("b", settled.billId()).param("e", settled.payer().employerId())
                .param("p", settled.period().toString()).param("d", settled.paidOn())
                .param("programs", settled.amounts().stream().map(a -> a.program().name()).toArray(String[]::new))
                .param("parties", settled.amounts().stream().map(a -> a.party().name()).toArray(String[]::new))
                .param("amounts", settled.amounts().stream().map(a -> a.amount().value()).toArray(Long[]::new))
                .update();
    }

    private boolean queued(long bill) {
        return jdbc.sql("SELECT count(*) FROM ledger.posting_queue WHERE bill_id = :b").param("b", bill)
                .query(Long.class).single() > 0;
    }

    private int attempts(long bill) {
        return jdbc.sql("SELECT coalesce(max(attempts), 0) FROM ledger.posting_queue WHERE bill_id = :b")
                .param("b", bill).query(Integer.class).single();
    }
}
