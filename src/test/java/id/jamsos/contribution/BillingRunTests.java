package id.jamsos.contribution;

import static id.jamsos.contribution.BillingFixtures.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.jamsos.common.InvalidValue;
import id.jamsos.common.Period;
import id.jamsos.common.RiskClass;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.internal.BillingRun;
import id.jamsos.contribution.internal.PenaltyAccrual;
import id.jamsos.common.Rate;
import id.jamsos.platform.Command;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The monthly billing run: exact lines, once per payer and period, whatever happens to the run. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BillingRunTests {

    @Autowired
    BillingRun billing;
    @Autowired
    Contributions contributions;
    @Autowired
    InformalWorkers informalWorkers;
    @Autowired
    Bills bills;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    List<Command> commands;
    @Autowired
    PenaltyAccrual accrual;

    record Company(long id, List<UUID> workers) {
    }

    private Company company(BillingFixtures fixtures, int riskClass, long... wages) {
        long id = fixtures.employer(riskClass);
        List<UUID> workers = new java.util.ArrayList<>();
        for (long wage : wages) {
            workers.add(fixtures.employ(id, LocalDate.of(2025, 6, 1), wage));
        }
        return new Company(id, workers);
    }

    @Test
    void billsEveryWorkerPerProgramAndPartyWithTheRuleAndRunningTwiceChangesNothing() {
        BillingFixtures fixtures = new BillingFixtures(jdbc);
        Period period = Period.of(2026, 1);
        Company company = company(fixtures, 3, 4_000_000, 15_000_000);
        fixtures.reportWage(company.id(), period, company.workers().get(0), 4_250_000);

        BillingRun.Totals first = billing.run(period, BillingRun.BOTH, on(LocalDate.of(2026, 2, 1)), p -> { });
        long bill = fixtures.billOf(company.id(), period);
        Contribution reported = contributions.wageEarner(period, Rupiah.of(4_250_000), RiskClass.of(3));
        Contribution atJoining = contributions.wageEarner(period, Rupiah.of(15_000_000), RiskClass.of(3));
        assertThat(lines(bill, company.workers().get(0))).isEqualTo(expectedLines(reported));
        assertThat(lines(bill, company.workers().get(1))).isEqualTo(expectedLines(atJoining));
        assertThat(jdbc.sql("SELECT employer_total, worker_total, workers FROM contribution.bill WHERE id = :id")
                .param("id", bill).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single())
                .containsExactly(reported.employerTotal().plus(atJoining.employerTotal()).value(),
                        reported.workerTotal().plus(atJoining.workerTotal()).value(), 2L);
        assertThat(first.bills()).isPositive();
        assertThat(fixtures.count("SELECT count(*) FROM contribution.billed_period WHERE period = ?", period.toString()))
                .isEqualTo(1);

        List<Long> before = counts(period);
        BillingRun.Totals again = billing.run(period, BillingRun.BOTH, on(LocalDate.of(2026, 2, 2)), p -> { });
        assertThat(again.bills()).isZero();
        assertThat(again.lines()).isZero();
        assertThat(counts(period)).isEqualTo(before);
    }

    @Test
    void aRunThatCrashesInAChunkResumesWithoutBillingAnyoneTwice() {
        BillingFixtures fixtures = new BillingFixtures(jdbc);
        Period period = Period.of(2026, 2);
        Company a = company(fixtures, 1, 5_000_000);
        Company b = company(fixtures, 1, 6_000_000, 7_000_000);
        Company c = company(fixtures, 1, 8_000_000);

        assertThatThrownBy(() -> billing.run(period, BillingRun.BOTH, on(LocalDate.of(2026, 3, 1)), 1,
                (category, chunk) -> {
                    if (chunk == b.id()) {
                        throw new IllegalStateException("power cut while billing employer " + chunk);
                    }
                }, p -> { })).hasMessageContaining("power cut");
        // Chunks run two at a time: the employers beside the failing chunk may or may not be billed yet.
        assertThat(billCount(b.id(), period)).isZero();
        assertThat(fixtures.count("SELECT count(*) FROM contribution.bill_line WHERE period = ? AND bill_id NOT IN"
                + " (SELECT id FROM contribution.bill)", period.toString())).isZero();

        BillingRun.Totals resumed = billing.run(period, BillingRun.BOTH, on(LocalDate.of(2026, 3, 1)), 50,
                BillingRun.ChunkHook.NONE, p -> { });
        assertThat(resumed.skippedChunks()).isPositive();
        for (Company company : List.of(a, b, c)) {
            assertThat(billCount(company.id(), period)).isEqualTo(1);
            assertThat(fixtures.count("SELECT count(*) FROM contribution.bill_line WHERE bill_id = ?",
                    fixtures.billOf(company.id(), period))).isEqualTo(6L * company.workers().size());
        }
    }

    @Test
    void twoRunsAtOnceIssueEachBillOnce() throws Exception {
        BillingFixtures fixtures = new BillingFixtures(jdbc);
        Period period = Period.of(2026, 3);
        List<Company> companies = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            companies.add(company(fixtures, 2, 5_000_000 + i, 9_000_000 + i));
        }
        UUID informal = fixtures.activeMember(UUID.randomUUID(), "bpu-" + UUID.randomUUID() + "@example.id", "Ani");
        informalWorkers.enrol(informal, Rupiah.of(3_000_000), Set.of(), period);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<BillingRun.Totals> run = () -> billing.run(period, BillingRun.BOTH, on(LocalDate.of(2026, 3, 1)),
                    2, BillingRun.ChunkHook.NONE, p -> { });
            Future<BillingRun.Totals> one = pool.submit(run);
            Future<BillingRun.Totals> two = pool.submit(run);
            one.get();
            two.get();
        } finally {
            pool.shutdown();
        }
        for (Company company : companies) {
            assertThat(billCount(company.id(), period)).isEqualTo(1);
            assertThat(fixtures.count("SELECT count(*) FROM contribution.bill_line WHERE bill_id = ?",
                    fixtures.billOf(company.id(), period))).isEqualTo(12);
        }
        long bpuBill = fixtures.billOf(informal, period);
        // JKK and JKM only: the member did not choose JHT.
        assertThat(jdbc.sql("SELECT program FROM contribution.bill_line WHERE bill_id = :id ORDER BY program")
                .param("id", bpuBill).query(String.class).list()).containsExactly("JKK", "JKM");
    }

    @Test
    void aSettledBillIsPaidOnceAndBillsCannotBeChanged() {
        BillingFixtures fixtures = new BillingFixtures(jdbc);
        Period period = Period.of(2026, 4);
        Company company = company(fixtures, 1, 6_000_000);
        billing.run(period, BillingRun.BOTH, on(LocalDate.of(2026, 5, 1)), p -> { });
        long bill = fixtures.billOf(company.id(), period);
        String key = "va-" + UUID.randomUUID();

        // Due 15 May 2026 (a Friday); paid 16 June: two months late.
        Settlement first = bills.settle(bill, LocalDate.of(2026, 6, 16), key);
        Settlement repeated = bills.settle(bill, LocalDate.of(2026, 6, 16), key);
        Settlement other = bills.settle(bill, LocalDate.of(2026, 6, 20), "va-" + UUID.randomUUID());
        Rupiah owed = contributions.wageEarner(period, Rupiah.of(6_000_000), RiskClass.of(1)).total();
        Rupiah penalty = owed.share(contributions.ratesFor(period).latePenaltyPerMonth(), 2);
        assertThat(first).isEqualTo(new Settlement.Settled(bill, LocalDate.of(2026, 6, 16), owed, penalty, false));
        assertThat(repeated).isEqualTo(new Settlement.Settled(bill, LocalDate.of(2026, 6, 16), owed, penalty, true));
        assertThat(other).isEqualTo(new Settlement.AlreadyPaid(bill, LocalDate.of(2026, 6, 16)));
        assertThat(bills.settle(-1, LocalDate.of(2026, 6, 16), "x")).isEqualTo(new Settlement.UnknownBill(-1));
        assertThatThrownBy(() -> bills.settle(bill, LocalDate.of(2026, 6, 16), " ")).isInstanceOf(InvalidValue.class);
        assertThat(fixtures.count("SELECT count(*) FROM contribution.settlement WHERE bill_id = ?", bill)).isEqualTo(1);
        assertThat(fixtures.count("SELECT sum(amount) FROM contribution.bill_line WHERE bill_id = ? AND kind = 'PENALTY'",
                bill)).isEqualTo(penalty.value());
        assertThat(bills.arrears(Payer.employer(company.id()), LocalDate.of(2026, 6, 30)).bills()).isEmpty();
        assertThat(bills.arrears(Payer.employer(company.id()), LocalDate.of(2026, 6, 15)).bills()).hasSize(1);

        assertThatThrownBy(() -> jdbc.sql("UPDATE contribution.bill_line SET amount = 0 WHERE bill_id = :id")
                .param("id", bill).update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM contribution.bill WHERE id = :id").param("id", bill).update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE contribution.settlement SET paid_on = '2026-05-01' WHERE bill_id = :id")
                .param("id", bill).update()).isInstanceOf(DataAccessException.class);
    }

    @Test
    void aPaymentReportedAfterTheAccrualRanPastItsDayIsChargedThePenaltyOfItsDay() {
        BillingFixtures fixtures = new BillingFixtures(jdbc);
        Period period = Period.of(2026, 8);
        Company company = company(fixtures, 4, 9_000_000);
        billing.run(period, BillingRun.BOTH, on(LocalDate.of(2026, 9, 1)), p -> { });
        long bill = fixtures.billOf(company.id(), period);
        // Due 15 September 2026 (a Tuesday); by 20 December four month steps have started.
        assertThat(accrual.accrue(LocalDate.of(2026, 12, 20))).isGreaterThanOrEqualTo(4);
        Rupiah owed = contributions.wageEarner(period, Rupiah.of(9_000_000), RiskClass.of(4)).total();
        Rate perMonth = contributions.ratesFor(period).latePenaltyPerMonth();
        assertThat(penaltyOf(bill)).isEqualTo(owed.share(perMonth, 4).value());

        // The bank reports late that it was paid on 1 October: one month late.
        Settlement paid = bills.settle(bill, LocalDate.of(2026, 10, 1), "va-" + UUID.randomUUID());
        assertThat(paid).isInstanceOfSatisfying(Settlement.Settled.class,
                settled -> assertThat(settled.penalty()).isEqualTo(owed.share(perMonth, 1)));
        assertThat(penaltyOf(bill)).isEqualTo(owed.share(perMonth, 1).value());
        assertThat(accrual.accrue(LocalDate.of(2026, 12, 31))).isZero();
        assertThat(penaltyOf(bill)).isEqualTo(owed.share(perMonth, 1).value());
    }

    private long penaltyOf(long bill) {
        return new BillingFixtures(jdbc).count("SELECT coalesce(sum(amount), 0) FROM contribution.bill_line"
                + " WHERE bill_id = ? AND program IS NULL", bill);
    }

    @Test
    void anInformalWorkerOutsideTheBoundsOrWithJpIsRefused() {
        UUID member = UUID.randomUUID();
        assertThatThrownBy(() -> informalWorkers.enrol(member, Rupiah.of(1), Set.of(), Period.of(2026, 1)))
                .isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> informalWorkers.enrol(member, Rupiah.of(3_000_000), Set.of(Program.JP),
                Period.of(2026, 1))).isInstanceOf(InvalidValue.class);
        assertThat(new BillingFixtures(jdbc).count("SELECT count(*) FROM contribution.participation WHERE member_id = ?",
                member)).isZero();
    }

    @Test
    void theCommandBillsAMonthAndRefusesBadArguments() {
        Command command = commands.stream().filter(c -> c.name().equals("billing run")).findFirst().orElseThrow();
        StringWriter out = new StringWriter();
        assertThat(command.run(List.of("--period", "2026-13"), new PrintWriter(out, true))).isEqualTo(2);
        assertThat(command.run(List.of(), new PrintWriter(out, true))).isEqualTo(2);
        assertThat(command.run(List.of("--period", "1999-01"), new PrintWriter(out, true))).isEqualTo(2);
        assertThat(out.toString()).contains("Usage: java -jar jamsos.jar billing run --period YYYY-MM");

        StringWriter done = new StringWriter();
        assertThat(command.run(List.of("--period", "2026-05"), new PrintWriter(done, true))).isZero();
        assertThat(done.toString()).contains("billing 2026-05 PU: chunks").contains("Billed 2026-05:");
    }

    private long billCount(long employerId, Period period) {
        return new BillingFixtures(jdbc).count("SELECT count(*) FROM contribution.bill WHERE employer_id = ? AND period = ?",
                employerId, period.toString());
    }

    private List<Long> counts(Period period) {
        BillingFixtures fixtures = new BillingFixtures(jdbc);
        return List.of(fixtures.count("SELECT count(*) FROM contribution.bill WHERE period = ?", period.toString()),
                fixtures.count("SELECT count(*) FROM contribution.bill_line WHERE period = ?", period.toString()));
    }

    private List<String> lines(long bill, UUID member) {
        return jdbc.sql("""
                        SELECT program || ' ' || party || ' ' || amount FROM contribution.bill_line
                         WHERE bill_id = :bill AND member_id = :member ORDER BY program, party""")
                .param("bill", bill).param("member", member).query(String.class).list();
    }

    private static List<String> expectedLines(Contribution contribution) {
        List<String> lines = new java.util.ArrayList<>();
        for (ContributionLine line : contribution.lines()) {
            lines.add(line.program() + " EMPLOYER " + line.employer().value());
            if (line.program() == Program.JHT || line.program() == Program.JP) {
                lines.add(line.program() + " WORKER " + line.worker().value());
            }
        }
        return lines.stream().sorted().toList();
    }
}
