package id.jamsos.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.BillAmount;
import id.jamsos.contribution.BillSettled;
import id.jamsos.contribution.Party;
import id.jamsos.contribution.Payer;
import id.jamsos.contribution.Program;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bills delivered side by side are queued for the poster by one statement; a bill the queue refuses fails its own
 * delivery only. The poster polls once an hour here, so what is queued stays to be looked at.
 */
@SpringBootTest(properties = "jamsos.ledger.posting.poll-interval=1h")
class PostingQueueGroupsTests {

    static final AtomicLong BILLS = new AtomicLong(-9_000_000_000L - System.nanoTime() % 1_000_000_000L);

    @Autowired
    PostingQueue queue;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    final List<Long> billsOfTheTest = new ArrayList<>();

    @AfterEach
    void leaveTheQueueAsItWas() {
        jdbc.sql("DELETE FROM ledger.posting_queue WHERE bill_id = ANY(:b)")
                .param("b", billsOfTheTest.toArray(Long[]::new)).update();
    }

    BillSettled bill(Rupiah penalty) {
        long id = BILLS.decrementAndGet();
        billsOfTheTest.add(id);
        return new BillSettled(id, id % 2 == 0 ? Payer.employer(-id) : Payer.member(UUID.randomUUID()),
                Period.of(2026, 10), LocalDate.of(2026, 11, 10),
                List.of(new BillAmount(Program.JHT, Party.EMPLOYER, Rupiah.of(37_000)),
                        new BillAmount(Program.JHT, Party.WORKER, Rupiah.of(20_000)),
                        new BillAmount(Program.JKK, Party.EMPLOYER, Rupiah.of(1 + Math.abs(id % 1000)))), penalty);
    }

    static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /**
     * Delivers {@code others} while the delivery of {@code first} is held in its statement (its bill's row is being
     * written, uncommitted, by another transaction), so that they come while a statement runs; answers each bill's
     * failure, if any.
     */
    Map<Long, Throwable> deliverWhileAStatementRuns(BillSettled first, List<BillSettled> others) {
        Map<Long, Throwable> failures = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                            INSERT INTO ledger.posting_queue (bill_id, member_id, period, paid_on, penalty, programs,
                                                              parties, amounts)
                            VALUES (:b, gen_random_uuid(), '2026-10', DATE '2026-11-10', 0, '{}', '{}', '{}')""")
                    .param("b", first.billId()).update();
            try {
                threads.add(deliver(first, failures));
                waitFor(() -> queue.groups().writing(), "the first delivery writing");
                for (BillSettled other : others) {
                    threads.add(deliver(other, failures));
                }
                waitFor(() -> queue.groups().waiting() == others.size(), "the others waiting for the next statement");
            } catch (InterruptedException interrupted) {
                throw new IllegalStateException(interrupted);
            }
        });
        for (Thread thread : threads) {
            try {
                thread.join(20_000);
            } catch (InterruptedException interrupted) {
                throw new IllegalStateException(interrupted);
            }
        }
        return failures;
    }

    Thread deliver(BillSettled bill, Map<Long, Throwable> failures) {
        Thread thread = new Thread(() -> {
            try {
                queue.addDelivered(bill);
            } catch (RuntimeException failed) {
                failures.put(bill.billId(), failed);
            }
        });
        thread.start();
        return thread;
    }

    BillSettled queued(long bill) {
        return transaction.execute(status -> queue.lock(bill)).orElseThrow();
    }

    @Test
    void billsDeliveredWhileAStatementRunsAreQueuedByTheNextOne() {
        BillSettled first = bill(Rupiah.ZERO);
        List<BillSettled> others = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            others.add(bill(Rupiah.of(i * 1_000L)));
        }
        long statementsBefore = queue.statementsWritten();

        Map<Long, Throwable> failures = deliverWhileAStatementRuns(first, others);

        assertThat(failures).isEmpty();
        assertThat(queue.statementsWritten() - statementsBefore).as("statements for 41 bills").isEqualTo(2);
        for (BillSettled other : others) {
            assertThat(queued(other.billId())).isEqualTo(other);
        }
        // the bill queued before stays as it was
        assertThat(queued(first.billId()).amounts()).isEmpty();
    }

    @Test
    void aBillTheQueueRefusesFailsItsOwnDeliveryOnly() {
        BillSettled first = bill(Rupiah.ZERO);
        BillSettled refused = bill(Rupiah.of(-1)); // the queue's CHECK: a penalty is never negative
        List<BillSettled> others = new ArrayList<>(List.of(bill(Rupiah.ZERO), refused, bill(Rupiah.of(5_000))));

        Map<Long, Throwable> failures = deliverWhileAStatementRuns(first, others);

        assertThat(failures).containsOnlyKeys(refused.billId());
        Optional<BillSettled> notQueued = transaction.execute(status -> queue.lock(refused.billId()));
        assertThat(notQueued).isEmpty();
        assertThat(queued(others.get(0).billId())).isEqualTo(others.get(0));
        assertThat(queued(others.get(2).billId())).isEqualTo(others.get(2));
    }

    @Test
    void aBillDeliveredAloneIsQueuedAtOnceAndTwiceOnce() {
        BillSettled bill = bill(Rupiah.of(12_345));
        long statementsBefore = queue.statementsWritten();

        queue.addDelivered(bill);
        queue.addDelivered(bill);

        assertThat(queue.statementsWritten() - statementsBefore).isEqualTo(2);
        assertThat(queued(bill.billId())).isEqualTo(bill);
        assertThat(jdbc.sql("SELECT count(*) FROM ledger.posting_queue WHERE bill_id = :b")
                .param("b", bill.billId()).query(Long.class).single()).isOne();
    }

    @Test
    void aDeliveredBillIsNotQueuedInsideATransaction() {
        BillSettled bill = bill(Rupiah.ZERO);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> queue.addDelivered(bill)))
                .isInstanceOf(IllegalStateException.class);

        Optional<BillSettled> notQueued = transaction.execute(status -> queue.lock(bill.billId()));
        assertThat(notQueued).isEmpty();
    }
}
