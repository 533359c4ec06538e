package id.jamsos.payment.snap;

import static id.jamsos.payment.snap.SnapBank.id;
import static id.jamsos.payment.snap.SnapBank.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.common.JakartaTime;
import id.jamsos.common.Period;
import id.jamsos.contribution.internal.BillingRun;
import id.jamsos.payment.internal.PaymentDesk;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each rupiah once: forged or altered requests record nothing, replays get the first answer byte for byte, concurrent
 * payments of one bill pay it once, and an answer lost after commit is given again to the bank's retry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SnapReliabilityTests {

    static final Period MONTH = Period.of(2021, 5);

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
    CrashPoint crashPoint;

    SnapBank bank;
    SnapFixtures fixtures;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void bank() {
        bank = new SnapBank(port);
        fixtures = new SnapFixtures(jdbc, billing);
    }

    long due(String customerNo) {
        return desk.due(customerNo, JakartaTime.today(clock)).orElseThrow().amount().value();
    }

    String code(SnapClient.Response response) {
        return json.readTree(response.body()).path("responseCode").asString();
    }

    long requestsRecorded() {
        return jdbc.sql("SELECT count(*) FROM payment.snap_request").query(Long.class).single();
    }

    @Test
    void tamperedBodyHeaderTimestampOrSignatureIs401AndRecordsNothing() {
        String customer = fixtures.employerWithOpenBill(MONTH);
        long due = due(customer);
        byte[] body = bank.client().paymentBody(customer, id(), due, false);
        byte[] otherBody = bank.client().paymentBody(customer, id(), due, false);
        String path = SnapClient.PAYMENT_PATH;
        String later = OffsetDateTime.now().plusSeconds(1).withNano(0).toString();
        long before = requestsRecorded();

        List<SnapClient.Response> answers = List.of(
                bank.tampered(path, body, otherBody, id(), h -> { }),
                bank.tampered(path, body, body, id(), h -> h.put("X-TIMESTAMP", later)),
                bank.tampered(path, body, body, id(), h -> h.put("X-PARTNER-ID", "OTHERBANK")),
                bank.tampered(path, body, body, id(), h -> h.put("Authorization", "Bearer forged-token")),
                bank.tampered(path, body, body, id(), h -> h.put("X-SIGNATURE", flipped(h.get("X-SIGNATURE")))),
                bank.tampered(path, body, body, id(), h -> h.remove("X-SIGNATURE")),
                bank.client().post(path, resigned(path, body, "2020-01-01T10:00:00+07:00"), body));

        assertThat(answers).extracting(SnapClient.Response::status).containsExactly(401, 401, 401, 401, 401, 400, 401);
        assertThat(answers).extracting(this::code)
                .containsExactly("4012500", "4012500", "4012500", "4012501", "4012500", "4002502", "4012500");
        assertThat(requestsRecorded()).isEqualTo(before);
        assertThat(fixtures.payments(customer)).isZero();
    }

    @Test
    void tokenRequestsWithABadSignatureOrStaleTimeGetNoToken() {
        SnapClient client = bank.client();
        Map<String, String> good = client.tokenHeaders(client.timestamp());
        Map<String, String> forged = client.tokenHeaders(client.timestamp());
        forged.put("X-SIGNATURE", flipped(forged.get("X-SIGNATURE")));
        Map<String, String> stale = client.tokenHeaders("2020-01-01T10:00:00+07:00");
        Map<String, String> stranger = client.tokenHeaders(client.timestamp());
        stranger.put("X-CLIENT-KEY", "someone-else");

        assertThat(code(client.requestToken(good))).isEqualTo("2007300");
        assertThat(json.readTree(client.requestToken(good).body()).path("expiresIn").asString()).isEqualTo("900");
        assertThat(List.of(forged, stale, stranger)).extracting(h -> client.requestToken(h))
                .extracting(SnapClient.Response::status).containsOnly(401);
        assertThat(code(client.requestToken(forged))).isEqualTo("4017300");
        SnapClient.Response wrongGrant = client.post(SnapClient.TOKEN_PATH, client.tokenHeaders(client.timestamp()),
                utf8("{\"grantType\":\"password\"}"));
        assertThat(code(wrongGrant)).isEqualTo("4007301");
    }

    @Test
    void aThousandReplaysOfOnePaymentPayOnceAndGetIdenticalBytes() throws Exception {
        String customer = fixtures.employerWithOpenBill(MONTH);
        byte[] body = bank.client().paymentBody(customer, id(), due(customer), false);
        String externalId = id();
        SnapClient.Response first = bank.send(SnapClient.PAYMENT_PATH, body, externalId);

        List<SnapClient.Response> replays = inParallel(8, 999,
                () -> bank.send(SnapClient.PAYMENT_PATH, body, externalId));

        assertThat(first.status()).isEqualTo(200);
        assertThat(code(first)).isEqualTo("2002500");
        assertThat(replays).hasSize(999).allSatisfy(replay -> {
            assertThat(replay.status()).isEqualTo(200);
            assertThat(replay.body()).isEqualTo(first.body());
            assertThat(replay.timestamp()).isEqualTo(first.timestamp());
        });
        assertThat(fixtures.payments(customer)).isEqualTo(1);
        assertThat(fixtures.recorded(externalId)).isEqualTo(1);
    }

    @Test
    void twoHundredConcurrentPaymentsOfOneBillAcceptExactlyOne() throws Exception {
        String customer = fixtures.employerWithOpenBill(MONTH);
        long due = due(customer);
        bank.token();

        List<SnapClient.Response> answers = inParallel(200, 200, () -> bank.pay(customer, due, id(), id()));

        assertThat(answers).extracting(this::code).filteredOn("2002500"::equals).hasSize(1);
        assertThat(answers).extracting(this::code).filteredOn("4042514"::equals).hasSize(199);
        assertThat(fixtures.payments(customer)).isEqualTo(1);
    }

    /**
     * Two different payments sent at once under one X-EXTERNAL-ID, eight copies each: the copies that run side by side
     * all act, but only the first to record the id commits; every other transaction is rolled back. So exactly one
     * payer has paid, that payment's copies get its answer byte for byte, and the other request gets 409.
     */
    @Test
    void twoRequestsUnderOneExternalIdAtOnceLeaveOnlyTheFirstToRecordIt() throws Exception {
        String first = fixtures.employerWithOpenBill(MONTH);
        String second = fixtures.employerWithOpenBill(MONTH);
        byte[] firstBody = bank.client().paymentBody(first, id(), due(first), false);
        byte[] secondBody = bank.client().paymentBody(second, id(), due(second), false);
        String externalId = id();
        bank.token();
        java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();

        List<SnapClient.Response> answers = inParallel(16, 16, () -> bank.send(SnapClient.PAYMENT_PATH,
                turn.getAndIncrement() % 2 == 0 ? firstBody : secondBody, externalId));

        long paidFirst = fixtures.payments(first);
        long paidSecond = fixtures.payments(second);
        assertThat(paidFirst + paidSecond).as("payments recorded").isOne();
        assertThat(answers).extracting(this::code).filteredOn("2002500"::equals).hasSize(8);
        assertThat(answers).extracting(this::code).filteredOn("4092500"::equals).hasSize(8);
        assertThat(answers.stream().filter(a -> a.status() == 200).map(a -> new String(a.body(), java.nio.charset.StandardCharsets.UTF_8)).distinct().count())
                .as("one answer, byte for byte").isOne();
        assertThat(fixtures.recorded(externalId)).isEqualTo(1);
    }

    /**
     * A request acts before it finds that its X-EXTERNAL-ID was used: one for another payer's open bill, sent under
     * the id of a payment answered before, would pay that bill, and is undone: 409, and the bill is still due.
     */
    @Test
    void aLaterRequestUnderAUsedExternalIdIsUndoneWhereItWouldHavePaid() {
        String first = fixtures.employerWithOpenBill(MONTH);
        String second = fixtures.employerWithOpenBill(MONTH);
        long secondDue = due(second);
        String externalId = id();
        SnapClient.Response paid = bank.send(SnapClient.PAYMENT_PATH,
                bank.client().paymentBody(first, id(), due(first), false), externalId);

        SnapClient.Response other = bank.send(SnapClient.PAYMENT_PATH,
                bank.client().paymentBody(second, id(), secondDue, false), externalId);

        assertThat(code(paid)).isEqualTo("2002500");
        assertThat(other.status()).isEqualTo(409);
        assertThat(code(other)).isEqualTo("4092500");
        assertThat(fixtures.payments(second)).isZero();
        assertThat(due(second)).isEqualTo(secondDue);
        assertThat(fixtures.recorded(externalId)).isEqualTo(1);
    }

    @Test
    void anAnswerLostAfterCommitIsGivenToTheRetryAndNothingIsRecordedTwice() {
        String customer = fixtures.employerWithOpenBill(MONTH);
        byte[] body = bank.client().paymentBody(customer, id(), due(customer), false);
        String externalId = id();
        crashPoint.arm(externalId);

        SnapClient.Response lost = bank.send(SnapClient.PAYMENT_PATH, body, externalId);
        SnapClient.Response retry = bank.send(SnapClient.PAYMENT_PATH, body, externalId);

        assertThat(lost.status()).isEqualTo(500);
        assertThat(code(lost)).isEqualTo("5002500");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(code(retry)).isEqualTo("2002500");
        assertThat(fixtures.payments(customer)).isEqualTo(1);
        assertThat(fixtures.recorded(externalId)).isEqualTo(1);
        assertThat(code(bank.send(SnapClient.PAYMENT_PATH, body, externalId))).isEqualTo("2002500");
    }

    private Map<String, String> resigned(String path, byte[] body, String timestamp) {
        return bank.client().headers(path, bank.token(), body, id(), timestamp);
    }

    private static String flipped(String base64) {
        char last = base64.charAt(0);
        return (last == 'A' ? 'B' : 'A') + base64.substring(1);
    }

    private static <T> List<T> inParallel(int threads, int calls, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
