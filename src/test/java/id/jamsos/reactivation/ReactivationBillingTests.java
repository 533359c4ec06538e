package id.jamsos.reactivation;

import static id.jamsos.reactivation.ReactivationFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.account.Visitor;
import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.Bills;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.Contributions;
import id.jamsos.contribution.InformalWorkers;
import id.jamsos.contribution.Payer;
import id.jamsos.contribution.Program;
import id.jamsos.contribution.Settlement;
import id.jamsos.contribution.UnpaidBill;
import id.jamsos.contribution.internal.BillingRun;
import id.jamsos.contribution.internal.BpuLapses;
import id.jamsos.membership.MemberField;
import id.jamsos.membership.MemberStatus;
import id.jamsos.membership.Members;
import id.jamsos.platform.PersonalData;
import id.jamsos.reactivation.ReactivationFixtures.TestMember;
import id.jamsos.reactivation.internal.Reactivations;
import id.jamsos.reactivation.internal.Reactivations.Officer;
import id.jamsos.reactivation.internal.Reactivations.Outcome;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A BPU member who lapsed in an earlier month and is reactivated this month is billed for this month at once: the
 * run of the 1st passed them by while they were lapsed, and is not run again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ReactivationBillingTests {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    static final long INCOME = 2_500_000;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalData personalData;
    @Autowired
    InformalWorkers informalWorkers;
    @Autowired
    BillingRun billing;
    @Autowired
    BpuLapses lapses;
    @Autowired
    Bills bills;
    @Autowired
    Contributions contributions;
    @Autowired
    Members members;
    @Autowired
    Reactivations reactivations;

    @Test
    void aMemberReactivatedInALaterMonthIsBilledForThatMonthWithoutAnotherRun() {
        ReactivationFixtures fixtures = new ReactivationFixtures(jdbc, personalData, informalWorkers);
        LocalDate today = LocalDate.now(JAKARTA);
        Period thisMonth = Period.of(today);
        Period first = thisMonth.plusMonths(-5);
        Period lapsedIn = thisMonth.plusMonths(-3);
        TestMember rina = fixtures.informalWorker(UUID.randomUUID(), Visitor.uniqueEmail("bpu-rebill"), first, INCOME);
        for (Period month = first; !month.isAfter(lapsedIn); month = month.next()) {
            billing.run(month, EnumSet.of(Category.BPU), at(month.firstDay(), 1), p -> { });
        }
        lapses.lapse(lapsedIn.lastDay());
        assertThat(members.byId(rina.id()).orElseThrow().status()).isEqualTo(MemberStatus.NON_ACTIVE);
        billing.run(thisMonth, EnumSet.of(Category.BPU), at(thisMonth.firstDay(), 1), p -> { });
        assertThat(billsOf(fixtures, rina, thisMonth)).as("lapsed on the 1st: not billed").isZero();

        List<UnpaidBill> owed = bills.arrears(Payer.member(rina.id()), today).bills();
        assertThat(owed).hasSize(3);
        for (UnpaidBill bill : owed) {
            assertThat(bills.settle(bill.billId(), today, "rebill-" + UUID.randomUUID()))
                    .isInstanceOf(Settlement.Settled.class);
        }
        Officer officer = new Officer(UUID.randomUUID(), "tagih@example.id", "127.0.0.1");
        reactivations.updateDetail(officer, rina.id(), MemberField.DOMICILE_ADDRESS, "Jl. Tagih 1", "Datang");
        reactivations.updateDetail(officer, rina.id(), MemberField.ACTIVE_PHONE, "081211112222", "Nomor aktif");
        reactivations.updateDetail(officer, rina.id(), MemberField.EMPLOYMENT_STATUS, "INFORMAL", "Tetap BPU");
        reactivations.recordDocuments(officer, rina.id(), true, true, true);

        assertThat(reactivations.reactivateAtBranch(officer, rina.id())).hasValue(Outcome.REACTIVATED);
        assertThat(fixtures.count("SELECT count(*) FROM reactivation.reactivation WHERE member_id = ?"
                + " AND enrolled_from = ?", rina.id(), thisMonth.toString())).isEqualTo(1);
        assertThat(billsOf(fixtures, rina, thisMonth)).as("billed at reactivation").isEqualTo(1);
        Rupiah monthly = contributions.informal(thisMonth, Rupiah.of(INCOME), EnumSet.of(Program.JKK, Program.JKM))
                .total();
        assertThat(jdbc.sql("SELECT employer_total + worker_total FROM contribution.bill WHERE member_id = :m"
                        + " AND period = :p").param("m", rina.id()).param("p", thisMonth.toString())
                .query(Long.class).single()).isEqualTo(monthly.value());
        assertThat(fixtures.count("SELECT count(*) FROM contribution.bill_line l JOIN contribution.bill b"
                + " ON b.id = l.bill_id AND b.period = l.period WHERE b.member_id = ? AND b.period = ?", rina.id(),
                thisMonth.toString())).isEqualTo(2);

        billing.run(thisMonth, EnumSet.of(Category.BPU), at(today, 2), p -> { });
        assertThat(billsOf(fixtures, rina, thisMonth)).as("a later run bills no one twice").isEqualTo(1);
    }

    private static long billsOf(ReactivationFixtures fixtures, TestMember member, Period period) {
        return fixtures.count("SELECT count(*) FROM contribution.bill WHERE member_id = ? AND period = ?",
                member.id(), period.toString());
    }
}
