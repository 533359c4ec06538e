package id.jamsos.contribution;

import static id.jamsos.contribution.BillingFixtures.on;
import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.common.Period;
import id.jamsos.common.RiskClass;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.internal.BillingRun;
import id.jamsos.contribution.internal.BpuLapses;
import id.jamsos.contribution.internal.PenaltyAccrual;
import id.jamsos.membership.LapseReason;
import id.jamsos.membership.MemberLapsed;
import id.jamsos.membership.MemberStatus;
import id.jamsos.membership.Members;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Time travel through the first months of 2025 with the jobs run as the scheduler would run them, each on its day
 * (dates passed explicitly, no clock tricks): an employer reports wages for three months, pays January late and
 * skips February; an informal worker pays nothing and lapses after three unpaid months.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RecordApplicationEvents
class BillingScenarioTests {

    static final Period JANUARY = Period.of(2025, 1);
    static final Period FEBRUARY = Period.of(2025, 2);
    static final Period MARCH = Period.of(2025, 3);
    static final Period APRIL = Period.of(2025, 4);
    static final Set<Category> PU = EnumSet.of(Category.PU);
    static final Set<Category> BPU = EnumSet.of(Category.BPU);

    @Autowired
    BillingRun billing;
    @Autowired
    PenaltyAccrual accrual;
    @Autowired
    BpuLapses lapses;
    @Autowired
    Bills bills;
    @Autowired
    InformalWorkers informalWorkers;
    @Autowired
    Contributions contributions;
    @Autowired
    Members members;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    @Test
    void anEmployerPaysJanuaryLateSkipsFebruaryAndAnInformalWorkerLapsesAfterThreeUnpaidMonths() {
        BillingFixtures fixtures = new BillingFixtures(jdbc);
        long employer = fixtures.employer(2);
        UUID siti = fixtures.employ(employer, LocalDate.of(2024, 11, 1), 5_000_000);
        UUID budi = fixtures.employ(employer, LocalDate.of(2024, 11, 1), 12_000_000);
        for (Period month : new Period[] {JANUARY, FEBRUARY, MARCH}) {
            fixtures.reportWage(employer, month, siti, 5_000_000);
            fixtures.reportWage(employer, month, budi, month.equals(MARCH) ? 12_500_000 : 12_000_000);
        }
        String email = "bpu-" + UUID.randomUUID() + "@example.id";
        UUID rina = fixtures.activeMember(UUID.randomUUID(), email, "Rina Wati");
        informalWorkers.enrol(rina, Rupiah.of(2_500_000), Set.of(Program.JHT), JANUARY);
        Payer company = Payer.employer(employer);
        Payer informal = Payer.member(rina);

        // 1 January: BPU January is billed at the start of January (due on the 15th).
        billing.run(JANUARY, BPU, on(LocalDate.of(2025, 1, 1)), p -> { });
        // 31 January: nothing for the employer yet; Rina's January is unpaid past its due date.
        monthEnd(LocalDate.of(2025, 1, 31));
        assertThat(bills.arrears(company, LocalDate.of(2025, 1, 31)).bills()).isEmpty();
        assertThat(bills.arrears(informal, LocalDate.of(2025, 1, 31)).bills()).hasSize(1);

        // 1 February: the employer's January (due 15 February, a Saturday, so Monday 17 February), Rina's February.
        billing.run(JANUARY, PU, on(LocalDate.of(2025, 2, 1)), p -> { });
        billing.run(FEBRUARY, BPU, on(LocalDate.of(2025, 2, 1)), p -> { });
        long january = fixtures.billOf(employer, JANUARY);
        Rupiah januaryOwed = owed(JANUARY, 5_000_000, 12_000_000);
        assertThat(bill(january)).isEqualTo(januaryOwed.value());
        assertThat(jdbc.sql("SELECT due_date FROM contribution.bill WHERE id = :id").param("id", january)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2025, 2, 17));
        assertThat(fixtures.count("SELECT count(*) FROM contribution.bill_line WHERE bill_id = ? AND kind = 'CONTRIBUTION'",
                january)).isEqualTo(2 * 6);

        // 28 February: January is one month late (2 %).
        monthEnd(LocalDate.of(2025, 2, 28));
        ArrearsStatement february = bills.arrears(company, LocalDate.of(2025, 2, 28));
        assertThat(february.bills()).extracting(UnpaidBill::period).containsExactly(JANUARY);
        assertThat(february.bills().get(0).monthsLate()).isEqualTo(1);
        assertThat(february.penalties()).isEqualTo(twoPercent(januaryOwed, 1));
        assertThat(penaltyLines(january)).isEqualTo(twoPercent(januaryOwed, 1).value());

        // 1 March: February billed; 10 March: January paid, still within its first month late.
        billing.run(FEBRUARY, PU, on(LocalDate.of(2025, 3, 1)), p -> { });
        billing.run(MARCH, BPU, on(LocalDate.of(2025, 3, 1)), p -> { });
        Settlement paid = bills.settle(january, LocalDate.of(2025, 3, 10), "bank-ref-jan-" + employer);
        assertThat(paid).isInstanceOfSatisfying(Settlement.Settled.class, settled -> {
            assertThat(settled.penalty()).isEqualTo(twoPercent(januaryOwed, 1));
            assertThat(settled.repeated()).isFalse();
        });
        assertThat(events.stream(BillSettled.class).filter(e -> e.billId() == january))
                .singleElement().satisfies(e -> {
                    assertThat(e.payer()).isEqualTo(company);
                    assertThat(e.penalty()).isEqualTo(twoPercent(januaryOwed, 1));
                    assertThat(e.amounts().stream().map(BillAmount::amount).reduce(Rupiah.ZERO, Rupiah::plus))
                            .isEqualTo(januaryOwed);
                });

        // 31 March: January is settled; February (due 17 March) is one month late; Rina has three unpaid months.
        monthEnd(LocalDate.of(2025, 3, 31));
        long februaryBill = fixtures.billOf(employer, FEBRUARY);
        Rupiah februaryOwed = owed(FEBRUARY, 5_000_000, 12_000_000);
        ArrearsStatement march = bills.arrears(company, LocalDate.of(2025, 3, 31));
        assertThat(march.bills()).extracting(UnpaidBill::period).containsExactly(FEBRUARY);
        assertThat(march.total()).isEqualTo(februaryOwed.plus(twoPercent(februaryOwed, 1)));
        assertThat(members.byId(rina).orElseThrow().status()).isEqualTo(MemberStatus.NON_ACTIVE);
        assertThat(events.stream(MemberLapsed.class).filter(e -> e.memberId().equals(rina)))
                .singleElement().extracting(MemberLapsed::reason).isEqualTo(LapseReason.CONTRIBUTIONS_UNPAID);
        assertThat(fixtures.count("SELECT count(*) FROM notification.outbox_email WHERE recipient = ?"
                + " AND template = 'membership-lapsed'", email)).isEqualTo(1);
        ArrearsStatement rinas = bills.arrears(informal, LocalDate.of(2025, 3, 31));
        assertThat(rinas.bills()).hasSize(3).allSatisfy(b -> assertThat(b.penalty()).isEqualTo(Rupiah.ZERO));

        // 1 April: March billed for the employer; Rina has lapsed and is not billed for April.
        billing.run(MARCH, PU, on(LocalDate.of(2025, 4, 1)), p -> { });
        billing.run(APRIL, BPU, on(LocalDate.of(2025, 4, 1)), p -> { });
        assertThat(fixtures.count("SELECT count(*) FROM contribution.bill WHERE member_id = ?", rina)).isEqualTo(3);

        // 30 April: February two months late (4 %), March (due 15 April) one month (2 %); no second lapse.
        monthEnd(LocalDate.of(2025, 4, 30));
        Rupiah marchOwed = owed(MARCH, 5_000_000, 12_500_000);
        ArrearsStatement april = bills.arrears(company, LocalDate.of(2025, 4, 30));
        assertThat(april.bills()).extracting(UnpaidBill::period).containsExactly(FEBRUARY, MARCH);
        assertThat(april.bills()).extracting(UnpaidBill::monthsLate).containsExactly(2, 1);
        assertThat(april.penalties()).isEqualTo(twoPercent(februaryOwed, 2).plus(twoPercent(marchOwed, 1)));
        assertThat(april.total()).isEqualTo(februaryOwed.plus(marchOwed).plus(april.penalties()));
        assertThat(penaltyLines(februaryBill)).isEqualTo(twoPercent(februaryOwed, 2).value());
        assertThat(accrual.accrue(LocalDate.of(2025, 4, 30))).as("accrual run twice").isZero();
        assertThat(lapses.lapse(LocalDate.of(2025, 4, 30))).as("lapse run twice").isZero();
        assertThat(events.stream(MemberLapsed.class).filter(e -> e.memberId().equals(rina))).hasSize(1);
    }

    /** What the scheduler's nightly job does on the last day of the month. */
    private void monthEnd(LocalDate day) {
        accrual.accrue(day);
        lapses.lapse(day);
    }

    private Rupiah owed(Period period, long... wages) {
        Rupiah total = Rupiah.ZERO;
        for (long wage : wages) {
            total = total.plus(contributions.wageEarner(period, Rupiah.of(wage), RiskClass.of(2)).total());
        }
        return total;
    }

    private Rupiah twoPercent(Rupiah contribution, int months) {
        return contribution.share(contributions.ratesFor(JANUARY).latePenaltyPerMonth(), months);
    }

    private long bill(long id) {
        return jdbc.sql("SELECT employer_total + worker_total FROM contribution.bill WHERE id = :id").param("id", id)
                .query(Long.class).single();
    }

    private long penaltyLines(long billId) {
        return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM contribution.bill_line WHERE bill_id = :id"
                        + " AND kind IN ('PENALTY', 'ADJUSTMENT') AND program IS NULL")
                .param("id", billId).query(Long.class).single();
    }
}
