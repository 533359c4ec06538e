package id.jamsos.payment;

import static id.jamsos.payment.PaymentFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.Bills;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.Payer;
import id.jamsos.contribution.internal.BillingRun;
import id.jamsos.payment.internal.AmountDue;
import id.jamsos.payment.internal.BranchDesk;
import id.jamsos.payment.internal.Credits;
import id.jamsos.payment.internal.Officer;
import id.jamsos.payment.internal.Reconciliation;
import id.jamsos.payment.internal.IncomingPayment;
import id.jamsos.payment.internal.JdbcPaymentDesk;
import id.jamsos.payment.internal.Payers;
import id.jamsos.payment.internal.Receipt;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payment desk against PostgreSQL: exactly one payment per order under concurrency, replays answered from the
 * first outcome, allocation oldest bill first with penalties first, credit used by the next bill, partial payments.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaymentDeskTests {

    static final Set<Category> PU = EnumSet.of(Category.PU);
    static final Period JANUARY = Period.of(2023, 1);
    static final Period FEBRUARY = Period.of(2023, 2);
    static final Period MARCH = Period.of(2023, 3);
    static final Period APRIL = Period.of(2023, 4);

    @Autowired
    JdbcPaymentDesk desk;
    @Autowired
    Payers payers;
    @Autowired
    BillingRun billing;
    @Autowired
    Bills bills;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BranchDesk branch;
    @Autowired
    Credits credits;
    @Autowired
    Reconciliation reconciliation;
    @Autowired
    TransactionTemplate transactions;

    /**
     * One bank reference delivered for two payers at once: the second waits at the reference's unique index for the
     * first transaction, then answers its payment instead of failing or paying twice. The first transaction is held
     * open until the second has certainly passed the reference check before the write.
     */
    @Test
    void oneReferenceForTwoPayersAtOnceRecordsOnePaymentAndAnswersItToBoth() throws Exception {
        PaymentFixtures fixtures = new PaymentFixtures(jdbc);
        Period period = Period.of(2019, 11);
        PaymentFixtures.TestEmployer first = fixtures.employer(1);
        PaymentFixtures.TestEmployer second = fixtures.employer(1);
        for (PaymentFixtures.TestEmployer employer : List.of(first, second)) {
            fixtures.employ(employer.id(), LocalDate.of(2019, 11, 1), LocalDate.of(2019, 11, 30), 5_000_000);
        }
        billing.run(period, PU, at(LocalDate.of(2019, 12, 1), 1), p -> { });
        LocalDate day = LocalDate.of(2019, 12, 5);
        String reference = "shared-" + UUID.randomUUID();
        Rupiah firstDue = desk.due(first.customerNumber(), day).orElseThrow().amount();
        Rupiah secondDue = desk.due(second.customerNumber(), day).orElseThrow().amount();

        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Receipt> held = pool.submit(() -> transactions.execute(status -> {
                Receipt receipt = desk.receive(new IncomingPayment("VIRTUAL_ACCOUNT", "BANKUJI", reference,
                        first.customerNumber(), firstDue, at(day, 9)));
                written.countDown();
                try {
                    commit.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return receipt;
            }));
            written.await();
            new Thread(() -> {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                commit.countDown();
            }).start();
            Receipt other = desk.receive(new IncomingPayment("VIRTUAL_ACCOUNT", "BANKUJI", reference,
                    second.customerNumber(), secondDue, at(day, 9)));
            Receipt.Accepted accepted = (Receipt.Accepted) held.get();

            assertThat(accepted.repeated()).isFalse();
            assertThat(other).isEqualTo(new Receipt.Accepted(accepted.paymentId(), firstDue, true));
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixtures.count("SELECT count(*) FROM payment.payment WHERE reference = ?", reference)).isOne();
        assertThat(desk.due(second.customerNumber(), day).orElseThrow().amount()).as("the second still owes")
                .isEqualTo(secondDue);
    }

    @Test
    void ofTwoHundredConcurrentPaymentsForOneOrderExactlyOneIsAcceptedAndTheOthersFindNothingDue() throws Exception {
        PaymentFixtures fixtures = new PaymentFixtures(jdbc);
        PaymentFixtures.TestEmployer employer = fixtures.employer(1);
        fixtures.employ(employer.id(), LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 31), 6_000_000);
        billing.run(JANUARY, PU, at(LocalDate.of(2023, 2, 1), 1), p -> { });
        LocalDate day = LocalDate.of(2023, 2, 10);
        AmountDue due = desk.due(employer.customerNumber(), day).orElseThrow();
        assertThat(due.amount().isGreaterThan(Rupiah.ZERO)).isTrue();
        assertThat(due.payerName()).isEqualTo("PT Bayar " + employer.npp().value());

        List<Receipt> receipts = concurrently(200, 32, i -> desk.receive(new IncomingPayment("VIRTUAL_ACCOUNT",
                "BANKUJI", "ref-" + UUID.randomUUID(), employer.customerNumber(), due.amount(), at(day, 10))));

        assertThat(receipts.stream().filter(r -> r instanceof Receipt.Accepted a && !a.repeated())).hasSize(1);
        assertThat(receipts.stream().filter(r -> r instanceof Receipt.NothingDue)).hasSize(199);
        assertThat(fixtures.count("SELECT count(*) FROM payment.payment WHERE customer_number = ?",
                employer.customerNumber())).isEqualTo(1);
        long bill = fixtures.billOf(employer.id(), "2023-01");
        assertThat(fixtures.count("SELECT count(*) FROM contribution.settlement WHERE bill_id = ?", bill)).isEqualTo(1);
        assertThat(desk.due(employer.customerNumber(), day).orElseThrow().amount()).isEqualTo(Rupiah.ZERO);
    }

    @Test
    void aThousandReplaysOfOneReferenceMakeOnePaymentAndTheSameOutcome() throws Exception {
        PaymentFixtures fixtures = new PaymentFixtures(jdbc);
        PaymentFixtures.TestEmployer employer = fixtures.employer(2);
        fixtures.employ(employer.id(), LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 31), 4_000_000);
        billing.run(JANUARY, PU, at(LocalDate.of(2023, 2, 1), 1), p -> { });
        LocalDate day = LocalDate.of(2023, 2, 12);
        Rupiah amount = desk.due(employer.customerNumber(), day).orElseThrow().amount();
        IncomingPayment payment = new IncomingPayment("VIRTUAL_ACCOUNT", "BANKUJI", "replay-" + UUID.randomUUID(),
                employer.customerNumber(), amount, at(day, 9));

        List<Receipt> receipts = concurrently(1000, 16, i -> desk.receive(payment));

        long paymentId = jdbc.sql("SELECT id FROM payment.payment WHERE reference = :r").param("r", payment.reference())
                .query(Long.class).single();
        assertThat(receipts).allSatisfy(r -> assertThat(r).isInstanceOfSatisfying(Receipt.Accepted.class, a -> {
            assertThat(a.paymentId()).isEqualTo(paymentId);
            assertThat(a.amount()).isEqualTo(amount);
        }));
        assertThat(receipts.stream().filter(r -> !((Receipt.Accepted) r).repeated())).hasSize(1);
        // Paid before the due date: no penalty, one allocation to the contribution.
        assertThat(fixtures.count("SELECT count(*) FROM payment.allocation WHERE payment_id = ?", paymentId))
                .isEqualTo(1);
    }

    @Test
    void aPaymentGoesToTheOldestBillFirstPenaltiesFirstAndTheSurplusPaysTheNextBill() {
        PaymentFixtures fixtures = new PaymentFixtures(jdbc);
        PaymentFixtures.TestEmployer employer = fixtures.employer(3);
        fixtures.employ(employer.id(), LocalDate.of(2023, 1, 1), LocalDate.of(2023, 4, 30), 8_000_000);
        billing.run(JANUARY, PU, at(LocalDate.of(2023, 2, 1), 1), p -> { });
        billing.run(FEBRUARY, PU, at(LocalDate.of(2023, 3, 1), 1), p -> { });
        billing.run(MARCH, PU, at(LocalDate.of(2023, 4, 1), 1), p -> { });
        LocalDate day = LocalDate.of(2023, 4, 20);
        Payer payer = Payer.employer(employer.id());
        var arrears = bills.arrears(payer, day);
        assertThat(arrears.bills()).hasSize(3);
        assertThat(arrears.penalties().isGreaterThan(Rupiah.ZERO)).isTrue();
        Rupiah surplus = Rupiah.of(50_000);

        Receipt receipt = desk.receive(new IncomingPayment("TRANSFER", "Bank Uji", "trf-" + UUID.randomUUID(),
                employer.customerNumber(), arrears.total().plus(surplus), at(day, 11)), UUID.randomUUID(), null);

        long paymentId = ((Receipt.Accepted) receipt).paymentId();
        for (var bill : arrears.bills()) {
            assertThat(allocated(paymentId, bill.billId(), "PENALTY")).isEqualTo(bill.penalty().value());
            assertThat(allocated(paymentId, bill.billId(), "CONTRIBUTION")).isEqualTo(bill.contribution().value());
            assertThat(jdbc.sql("SELECT penalty FROM contribution.settlement WHERE bill_id = :b")
                    .param("b", bill.billId()).query(Long.class).single()).isEqualTo(bill.penalty().value());
        }
        assertThat(bills.arrears(payer, day).bills()).isEmpty();
        var known = payers.byCustomerNumber(employer.customerNumber()).orElseThrow();
        assertThat(desk.dueOf(known, day).credit()).isEqualTo(surplus);

        // April is billed on 1 May: the credit pays part of it, the rest is due.
        billing.run(APRIL, PU, at(LocalDate.of(2023, 5, 1), 1), p -> { });
        long april = fixtures.billOf(employer.id(), "2023-04");
        LocalDate may = LocalDate.of(2023, 5, 2);
        // The nightly job finds every payer with credit and allocates it (it settles nothing here: too little).
        credits.applyAll(may);
        assertThat(allocated(paymentId, april, "CONTRIBUTION")).isEqualTo(surplus.value());
        assertThat(desk.applyCredit(known, may)).isEmpty();
        assertThat(allocated(paymentId, april, "CONTRIBUTION")).isEqualTo(surplus.value());
        Rupiah aprilTotal = bills.arrears(payer, may).total();
        assertThat(desk.due(employer.customerNumber(), may).orElseThrow().amount())
                .isEqualTo(aprilTotal.minus(surplus));
        assertThat(desk.dueOf(known, may).credit()).isEqualTo(Rupiah.ZERO);

        // A partial payment leaves the bill open; the last one settles it.
        Receipt part = desk.receive(new IncomingPayment("CASH", UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                employer.customerNumber(), Rupiah.of(100_000), at(may, 9)), UUID.randomUUID(), "KW-TEST-" + UUID.randomUUID());
        assertThat(part).isInstanceOf(Receipt.Accepted.class);
        assertThat(bills.arrears(payer, may).bills()).hasSize(1);
        Rupiah rest = aprilTotal.minus(surplus).minus(Rupiah.of(100_000));
        assertThat(desk.due(employer.customerNumber(), may).orElseThrow().amount()).isEqualTo(rest);
        assertThat(desk.receive(new IncomingPayment("VIRTUAL_ACCOUNT", "BANKUJI", "va-" + UUID.randomUUID(),
                employer.customerNumber(), rest.plus(Rupiah.of(1)), at(may, 10))))
                .isInstanceOf(Receipt.WrongAmount.class);
        assertThat(desk.receive(new IncomingPayment("VIRTUAL_ACCOUNT", "BANKUJI", "va-" + UUID.randomUUID(),
                employer.customerNumber(), rest, at(may, 10)))).isInstanceOf(Receipt.Accepted.class);
        assertThat(bills.arrears(payer, may).bills()).isEmpty();
        assertThat(fixtures.count("SELECT count(*) FROM contribution.settlement WHERE bill_id = ?", april)).isEqualTo(1);
        assertThat(fixtures.count("SELECT coalesce(sum(amount), 0) FROM payment.allocation WHERE bill_id = ?", april))
                .isEqualTo(aprilTotal.value());
        assertThat(fixtures.runningMoneyUnlikeHistory()).isEmpty();
    }

    /**
     * Every kind of money move keeps the payer's running money (balance, free money, what was paid towards open
     * bills: V141) equal to what the payment history adds up to: a partial payment, a reversal taking it back, a
     * transfer waiting in suspense and then assigned (its money allocated as credit), a surplus, a reversal of money
     * that was still free, and the nightly credit run.
     */
    @Test
    void everyMoneyMoveKeepsTheRunningMoneyEqualToWhatTheHistoryAddsUpTo() {
        moveMoneyEveryWay(new PaymentFixtures(jdbc));
    }

    /**
     * The migration that began keeping the running money (V141) computed it from the history as it stood: its three
     * statements, run on a history of every kind of money move with the running money cleared, give what that history
     * adds up to (in a transaction rolled back afterwards).
     */
    @Test
    void theMigrationComputesFromAHistoryTheRunningMoneyItsMovesKeep() throws Exception {
        PaymentFixtures fixtures = new PaymentFixtures(jdbc);
        moveMoneyEveryWay(fixtures);
        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/payment/V141__running_money.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> backfill = Arrays.stream(migration.substring(migration.indexOf("-- backfill begins"),
                        migration.indexOf("-- backfill ends")).split(";\\s*\\n"))
                .map(statement -> statement.lines().filter(line -> !line.startsWith("--"))
                        .collect(Collectors.joining("\n")).strip())
                .filter(statement -> !statement.isEmpty()).toList();
        assertThat(backfill).hasSize(3);
        List<List<String>> differences = transactions.execute(status -> {
            status.setRollbackOnly();
            jdbc.sql("UPDATE payment.payer SET balance = 0 WHERE balance <> 0").update();
            jdbc.sql("DELETE FROM payment.free_money").update();
            jdbc.sql("DELETE FROM payment.paid_towards").update();
            List<String> cleared = fixtures.runningMoneyUnlikeHistory();
            backfill.forEach(statement -> jdbc.sql(statement).update());
            return List.of(cleared, fixtures.runningMoneyUnlikeHistory());
        });
        assertThat(differences.get(0)).as("the running money cleared is unlike the history").isNotEmpty();
        assertThat(differences.get(1)).as("the running money computed by the migration").isEmpty();
    }

    private void moveMoneyEveryWay(PaymentFixtures fixtures) {
        PaymentFixtures.TestEmployer employer = fixtures.employer(2);
        fixtures.employ(employer.id(), LocalDate.of(2023, 1, 1), LocalDate.of(2023, 3, 31), 5_000_000);
        billing.run(JANUARY, PU, at(LocalDate.of(2023, 2, 1), 1), p -> { });
        billing.run(FEBRUARY, PU, at(LocalDate.of(2023, 3, 1), 1), p -> { });
        LocalDate day = LocalDate.of(2023, 3, 20);
        Payer payer = Payer.employer(employer.id());
        Officer officer = new Officer(UUID.randomUUID(), "petugas@example.id", "127.0.0.1");
        var known = payers.byCustomerNumber(employer.customerNumber()).orElseThrow();
        Rupiah owed = bills.arrears(payer, day).total();
        assertThat(fixtures.runningMoneyUnlikeHistory()).isEmpty();

        // A partial payment: January's penalty and part of its contribution.
        long partial = transfer(employer.customerNumber(), Rupiah.of(150_000), day, officer);
        assertThat(fixtures.count("SELECT count(*) FROM payment.paid_towards WHERE customer_number = ? AND amount > 0",
                employer.customerNumber())).isPositive();
        assertThat(fixtures.runningMoneyUnlikeHistory()).isEmpty();
        // Reversed while January is still open: its allocations are taken back.
        assertThat(branch.reverse(officer, partial, "Salah nominal")).isInstanceOf(BranchDesk.Reversal.Reversed.class);
        assertThat(desk.due(employer.customerNumber(), day).orElseThrow().amount()).isEqualTo(owed);
        assertThat(fixtures.runningMoneyUnlikeHistory()).isEmpty();

        // A transfer without a payer waits in suspense, then an officer assigns it: its money goes to the open bills
        // as credit (today's penalties).
        BranchDesk.Outcome suspended = branch.transfer(officer, "Bank Uji", "sus-" + UUID.randomUUID(), null,
                Rupiah.of(300_000), day);
        long suspense = ((BranchDesk.Outcome.InSuspense) suspended).paymentId();
        assertThat(fixtures.runningMoneyUnlikeHistory()).isEmpty();
        assertThat(branch.assign(officer, suspense, known, "Nomor VA tertulis di berita transfer")).isTrue();
        assertThat(fixtures.count("SELECT coalesce(sum(amount), 0) FROM payment.allocation WHERE payment_id = ?",
                suspense)).isEqualTo(300_000);
        assertThat(fixtures.runningMoneyUnlikeHistory()).isEmpty();

        // The rest and more: every bill settled, the surplus is credit; then a surplus payment, still free money,
        // is reversed.
        transfer(employer.customerNumber(), bills.arrears(payer, day).total().plus(Rupiah.of(40_000)), day, officer);
        assertThat(bills.arrears(payer, day).bills()).isEmpty();
        Rupiah credit = desk.dueOf(known, day).credit();
        assertThat(credit.isGreaterThan(Rupiah.ZERO)).isTrue();
        long surplus = transfer(employer.customerNumber(), Rupiah.of(75_000), day, officer);
        assertThat(desk.dueOf(known, day).credit()).isEqualTo(credit.plus(Rupiah.of(75_000)));
        assertThat(fixtures.runningMoneyUnlikeHistory()).isEmpty();
        assertThat(branch.reverse(officer, surplus, "Dana dikembalikan")).isInstanceOf(BranchDesk.Reversal.Reversed.class);
        assertThat(desk.dueOf(known, day).credit()).isEqualTo(credit);
        assertThat(fixtures.runningMoneyUnlikeHistory()).isEmpty();

        // The credit is used by March's bill in the nightly run.
        billing.run(MARCH, PU, at(LocalDate.of(2023, 4, 1), 1), p -> { });
        LocalDate april = LocalDate.of(2023, 4, 2);
        long used = Math.min(credit.value(), bills.arrears(payer, april).total().value());
        credits.applyAll(april);
        long march = fixtures.billOf(employer.id(), "2023-03");
        assertThat(fixtures.count("SELECT coalesce(sum(amount), 0) FROM payment.allocation WHERE bill_id = ?", march))
                .isEqualTo(used);
        assertThat(desk.dueOf(known, april).credit()).isEqualTo(credit.minus(Rupiah.of(used)));
        assertThat(fixtures.runningMoneyUnlikeHistory()).isEmpty();
    }

    private long transfer(String customerNumber, Rupiah amount, LocalDate day, Officer officer) {
        return ((Receipt.Accepted) desk.receive(new IncomingPayment("TRANSFER", "Bank Uji", "run-" + UUID.randomUUID(),
                customerNumber, amount, at(day, 9)), officer.id(), null)).paymentId();
    }

    @Test
    void anUnknownCustomerNumberIsAnUnknownPayerAndNothingIsRecorded() {
        long before = new PaymentFixtures(jdbc).count("SELECT count(*) FROM payment.payment");
        for (String number : new String[] {"199999999", "212345678901", "x", "1", ""}) {
            assertThat(desk.receive(new IncomingPayment("VIRTUAL_ACCOUNT", "BANKUJI", "u-" + UUID.randomUUID(),
                    number, Rupiah.of(10_000), at(LocalDate.of(2023, 2, 1), 9))))
                    .isInstanceOf(Receipt.UnknownPayer.class);
            assertThat(desk.due(number, LocalDate.of(2023, 2, 1))).isEmpty();
        }
        assertThat(new PaymentFixtures(jdbc).count("SELECT count(*) FROM payment.payment")).isEqualTo(before);
    }

    @Test
    void reversingMoneyThatSettledABillLeavesItOwedUntilTheNextPaymentCoversIt() {
        PaymentFixtures fixtures = new PaymentFixtures(jdbc);
        PaymentFixtures.TestEmployer employer = fixtures.employer(1);
        fixtures.employ(employer.id(), LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 31), 3_000_000);
        billing.run(JANUARY, PU, at(LocalDate.of(2023, 2, 1), 1), p -> { });
        LocalDate day = LocalDate.of(2023, 2, 10);
        Rupiah owed = desk.due(employer.customerNumber(), day).orElseThrow().amount();
        Officer officer = new Officer(UUID.randomUUID(), "petugas@example.id", "127.0.0.1");
        long transfer = ((Receipt.Accepted) desk.receive(new IncomingPayment("TRANSFER", "Bank Uji",
                "rev-" + UUID.randomUUID(), employer.customerNumber(), owed, at(day, 9)), officer.id(), null)).paymentId();
        long bill = fixtures.billOf(employer.id(), "2023-01");
        assertThat(fixtures.count("SELECT count(*) FROM contribution.settlement WHERE bill_id = ?", bill)).isEqualTo(1);

        BranchDesk.Reversal reversal = branch.reverse(officer, transfer, "Dana ditarik kembali oleh bank");

        assertThat(reversal).isInstanceOfSatisfying(BranchDesk.Reversal.Reversed.class,
                r -> assertThat(r.owed()).isEqualTo(owed));
        assertThat(branch.reverse(officer, transfer, "lagi")).isInstanceOf(BranchDesk.Reversal.NotReversible.class);
        assertThat(desk.due(employer.customerNumber(), day).orElseThrow().amount()).isEqualTo(owed);
        long va = ((Receipt.Accepted) desk.receive(new IncomingPayment("VIRTUAL_ACCOUNT", "BANKUJI",
                "rev-va-" + UUID.randomUUID(), employer.customerNumber(), owed, at(day, 10)))).paymentId();
        assertThat(desk.due(employer.customerNumber(), day).orElseThrow().amount()).isEqualTo(Rupiah.ZERO);
        assertThat(fixtures.count("SELECT count(*) FROM contribution.settlement WHERE bill_id = ?", bill)).isEqualTo(1);

        // The report shows the reversed transfer, and flags the VA payment that covered a debt instead of a bill
        // and came from a bank that is not configured: both need a person to look.
        Reconciliation.Report report = reconciliation.of(day);
        var lines = report.groups().stream().flatMap(g -> g.lines().stream()).toList();
        assertThat(lines).filteredOn(l -> l.paymentId() == transfer).singleElement()
                .satisfies(l -> assertThat(l.status()).isEqualTo(Reconciliation.Status.REVERSED));
        assertThat(lines).filteredOn(l -> l.paymentId() == va).singleElement().satisfies(l -> assertThat(l.flags())
                .contains(Reconciliation.Flag.NOT_ALLOCATED, Reconciliation.Flag.UNKNOWN_BANK));
        assertThat(fixtures.runningMoneyUnlikeHistory()).isEmpty();
    }

    @Test
    void cashReceiptNumbersOfAYearHaveNoGapsUnderConcurrency() throws Exception {
        PaymentFixtures fixtures = new PaymentFixtures(jdbc);
        PaymentFixtures.TestEmployer employer = fixtures.employer(1);
        List<Receipt> ignored = concurrently(30, 8, i -> {
            branch.cash(new Officer(UUID.randomUUID(), "kasir" + i + "@example.id", "127.0.0.1"),
                    employer.customerNumber(), Rupiah.of(10_000 + i), UUID.randomUUID().toString());
            return null;
        });
        List<String> numbers = jdbc.sql("SELECT receipt_number FROM payment.payment WHERE customer_number = :c"
                        + " ORDER BY receipt_number")
                .param("c", employer.customerNumber()).query(String.class).list();
        assertThat(numbers).hasSize(30).doesNotHaveDuplicates();
        long first = Long.parseLong(numbers.get(0).substring(8));
        long last = Long.parseLong(numbers.get(29).substring(8));
        assertThat(last - first).isEqualTo(29);
        assertThat(ignored).hasSize(30);
    }

    private long allocated(long paymentId, long billId, String part) {
        return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM payment.allocation WHERE payment_id = :p AND bill_id = :b"
                        + " AND part = :part")
                .param("p", paymentId).param("b", billId).param("part", part).query(Long.class).single();
    }

    interface Call {
        Receipt call(int i) throws Exception;
    }

    static List<Receipt> concurrently(int calls, int threads, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Receipt>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                int n = i;
                Callable<Receipt> task = () -> {
                    start.await();
                    return call.call(n);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Receipt> receipts = new ArrayList<>();
            for (Future<Receipt> future : futures) {
                receipts.add(future.get());
            }
            return receipts;
        } finally {
            pool.shutdownNow();
        }
    }
}
