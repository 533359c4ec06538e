package id.jamsos.payment.snap;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.common.JakartaTime;
import id.jamsos.common.Period;
import id.jamsos.contribution.internal.BillingRun;
import id.jamsos.payment.internal.PaymentDesk;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * SNAP requests take turns ({@link SnapTurns}): with one turn, a request that arrives while another is worked on
 * waits for it, and one that waited longer than the queue timeout is answered SNAP's timeout, having done nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"jamsos.snap.concurrency=1", "jamsos.snap.queue-timeout=300ms"})
class SnapTurnsTests {

    static final Period MONTH = Period.of(2021, 6);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BillingRun billing;
    @Autowired
    PaymentDesk desk;
    @Autowired
    Clock clock;
    @Autowired
    TransactionTemplate transactions;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aRequestWaitsForTheOneWorkedOnAndOneThatWaitedTooLongGetsTheTimeoutHavingDoneNothing() throws Exception {
        SnapFixtures fixtures = new SnapFixtures(jdbc, billing);
        String held = fixtures.employerWithOpenBill(MONTH);
        String other = fixtures.employerWithOpenBill(MONTH);
        long due = desk.due(held, JakartaTime.today(clock)).orElseThrow().amount().value();
        SnapBank bank = new SnapBank(port);
        bank.token();
        long bill = jdbc.sql("SELECT b.id FROM contribution.bill b JOIN employer.employer e ON e.id = b.employer_id"
                + " WHERE e.npp = :npp").param("npp", held.substring(1)).query(Long.class).single();

        // The bill of the first payment is locked elsewhere, so that payment holds the one turn while it waits.
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Threads of their own: the common pool may have a single one on a small machine.
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
            jdbc.sql("SELECT id FROM contribution.bill WHERE id = :id FOR UPDATE").param("id", bill)
                    .query(Long.class).single();
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), threads);
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<SnapClient.Response> first = CompletableFuture.supplyAsync(
                () -> bank.pay(held, due, SnapBank.id(), SnapBank.id()), threads);
        awaitWaitingForALock(first);

        long before = System.nanoTime();
        SnapClient.Response timedOut = bank.inquiry(other);
        long waitedMillis = (System.nanoTime() - before) / 1_000_000;
        assertThat(timedOut.status()).as(timedOut.text()).isEqualTo(504);
        assertThat(code(timedOut)).isEqualTo("5042400");
        assertThat(json.readTree(timedOut.body()).path("responseMessage").asString()).isEqualTo("Timeout");
        assertThat(waitedMillis).isGreaterThanOrEqualTo(300);
        assertThat(first).isNotDone();

        release.countDown();
        holder.get(30, TimeUnit.SECONDS);
        SnapClient.Response paid = first.get(30, TimeUnit.SECONDS);
        assertThat(code(paid)).as(paid.text()).isEqualTo("2002500");
        // The request that timed out did nothing; asked again with its turn free, it is answered.
        assertThat(fixtures.payments(other)).isZero();
        SnapClient.Response answered = bank.inquiry(other);
        assertThat(code(answered)).as(answered.text()).isEqualTo("2002400");
        threads.shutdown();
    }

    private String code(SnapClient.Response response) {
        return json.readTree(response.body()).path("responseCode").asString();
    }

    /** Until a connection of the platform waits for a row lock (the first payment, at the bill held above). */
    private void awaitWaitingForALock(CompletableFuture<SnapClient.Response> first) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            assertThat(first).as(() -> "answered meanwhile: " + first.join().text()).isNotDone();
            long waiting = jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND wait_event_type = 'Lock'").query(Long.class).single();
            if (waiting > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the first payment never waited for the bill's lock");
    }
}
