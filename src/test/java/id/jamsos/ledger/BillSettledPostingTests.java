package id.jamsos.ledger;

import static id.jamsos.ledger.LedgerFixtures.on;
import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.Bills;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.InformalWorkers;
import id.jamsos.contribution.Program;
import id.jamsos.contribution.Settlement;
import id.jamsos.contribution.internal.BillingRun;
import id.jamsos.ledger.internal.LedgerCheck;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A settled bill reaches the workers' JHT accounts through the BillSettled listener: PU employer 3.7 % + worker 2 %
 * (RULES.md §5), BPU the worker's 2 % of declared income; settling twice posts once; the funds receive the rest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class BillSettledPostingTests {

    private static final Period JANUARY = Period.of(2025, 1);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    BillingRun billing;
    @Autowired
    Bills bills;
    @Autowired
    InformalWorkers informalWorkers;
    @Autowired
    JhtBalances balances;
    @Autowired
    LedgerCheck check;

    @Test
    void aWageEarnersBillPaidLatePostsEachWorkersJhtSharesAndThePenalty() throws Exception {
        LedgerFixtures fixtures = new LedgerFixtures(jdbc);
        long employer = fixtures.employer(2);
        UUID siti = fixtures.employ(employer, LocalDate.of(2024, 11, 1), 5_000_000);
        UUID budi = fixtures.employ(employer, LocalDate.of(2024, 11, 1), 12_000_000);
        fixtures.reportWage(employer, JANUARY, siti, 5_000_000);
        fixtures.reportWage(employer, JANUARY, budi, 12_000_000);
        billing.run(JANUARY, EnumSet.of(Category.PU), on(LocalDate.of(2025, 2, 1)), p -> { });
        long bill = fixtures.billOf(employer, JANUARY);

        Settlement paid = bills.settle(bill, LocalDate.of(2025, 3, 10), "ledger-test-" + bill);
        assertThat(paid).isInstanceOf(Settlement.Settled.class);
        bills.settle(bill, LocalDate.of(2025, 3, 10), "ledger-test-" + bill);

        // 3.7 % + 2 % of 5,000,000 = 185,000 + 100,000; of 12,000,000 = 444,000 + 240,000.
        assertThat(awaitBalance(siti)).isEqualTo(Rupiah.of(285_000));
        assertThat(awaitBalance(budi)).isEqualTo(Rupiah.of(684_000));
        assertThat(jdbc.sql("SELECT count(*) FROM ledger.entry WHERE idempotency_key = :k").param("k", "bill:" + bill)
                .query(Long.class).single()).isEqualTo(1);
        long billTotal = jdbc.sql("SELECT employer_total + worker_total FROM contribution.bill WHERE id = :b")
                .param("b", bill).query(Long.class).single();
        long penalty = jdbc.sql("SELECT penalty FROM contribution.settlement WHERE bill_id = :b").param("b", bill)
                .query(Long.class).single();
        assertThat(penalty).isPositive();
        assertThat(entryTotal(bill)).isEqualTo(billTotal + penalty);
        assertThat(jdbc.sql("SELECT count(*) FROM ledger.jp_month WHERE bill_id = :b AND period = '2025-01'")
                .param("b", bill).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT employer || '/' || worker FROM ledger.jht_contribution WHERE member_id = :m")
                .param("m", budi).query(String.class).single()).isEqualTo("444000/240000");
        // The wage each line was computed from reaches the member's month (the JP basis is capped, the wage is not).
        assertThat(jdbc.sql("SELECT wage FROM ledger.jht_contribution WHERE member_id = :m").param("m", budi)
                .query(Long.class).single()).isEqualTo(12_000_000L);
        assertThat(jdbc.sql("SELECT wage FROM ledger.jp_month WHERE member_id = :m").param("m", siti)
                .query(Long.class).single()).isEqualTo(5_000_000L);
        assertThat(check.differences()).noneMatch(d -> d.contains(siti.toString()) || d.contains(budi.toString()))
                .noneMatch(d -> d.startsWith("program") || d.startsWith("journal") || d.startsWith("account"));
    }

    @Test
    void anInformalWorkersBillPostsTheirJhtShare() throws Exception {
        LedgerFixtures fixtures = new LedgerFixtures(jdbc);
        UUID rina = fixtures.activeMember(UUID.randomUUID(), "bpu-" + UUID.randomUUID() + "@example.id", "Rina Wati");
        informalWorkers.enrol(rina, Rupiah.of(2_500_000), Set.of(Program.JHT), JANUARY);
        billing.run(JANUARY, EnumSet.of(Category.BPU), on(LocalDate.of(2025, 1, 1)), p -> { });
        long bill = fixtures.billOf(rina, JANUARY);
        bills.settle(bill, LocalDate.of(2025, 1, 10), "ledger-bpu-" + bill);
        assertThat(awaitBalance(rina)).isEqualTo(Rupiah.of(50_000)); // 2 % of 2,500,000
        assertThat(jdbc.sql("SELECT employer || '/' || worker FROM ledger.jht_contribution WHERE member_id = :m")
                .param("m", rina).query(String.class).single()).isEqualTo("0/50000");
        assertThat(jdbc.sql("SELECT wage FROM ledger.jht_contribution WHERE member_id = :m").param("m", rina)
                .query(Long.class).single()).isEqualTo(2_500_000L); // the declared income
    }

    private long entryTotal(long bill) {
        return jdbc.sql("""
                        SELECT sum(l.amount) FROM ledger.line l JOIN ledger.entry e ON e.id = l.entry_id
                        WHERE e.bill_id = :b AND l.side = 'D'""").param("b", bill).query(Long.class).single();
    }

    private Rupiah awaitBalance(UUID member) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Optional<Rupiah> balance = balances.balance(member);
        while ((balance.isEmpty() || balance.get().isZero()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            balance = balances.balance(member);
        }
        return balance.orElseThrow();
    }
}
