package id.jamsos.reactivation;

import static id.jamsos.reactivation.ReactivationFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.account.Visitor;
import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.ArrearsStatement;
import id.jamsos.contribution.Bills;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.Contributions;
import id.jamsos.contribution.InformalWorkers;
import id.jamsos.contribution.Payer;
import id.jamsos.contribution.Program;
import id.jamsos.contribution.internal.BillingRun;
import id.jamsos.contribution.internal.BpuLapses;
import id.jamsos.membership.MemberStatus;
import id.jamsos.membership.Members;
import id.jamsos.payment.internal.AmountDue;
import id.jamsos.payment.internal.Credits;
import id.jamsos.payment.internal.IncomingPayment;
import id.jamsos.payment.internal.PaymentDesk;
import id.jamsos.platform.PersonalData;
import id.jamsos.reactivation.ReactivationFixtures.TestMember;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Online reactivation paying 3 months ahead (issue 7): the lapsed informal worker chooses on the payment page, to
 * which the reactivation page leads, one VA payment settles the arrears and prepays April–June 2022; they are ACTIVE
 * at once and April's bill is paid from the credit by the nightly job.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class OnlineReactivationAheadTests {

    static final Period JANUARY = Period.of(2022, 1);
    static final Period MARCH = Period.of(2022, 3);
    static final Period APRIL = Period.of(2022, 4);
    static final Set<Category> BPU = EnumSet.of(Category.BPU);
    static final long INCOME = 3_000_000;

    @Autowired
    MockMvc mvc;
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
    PaymentDesk desk;
    @Autowired
    Credits credits;
    @LocalServerPort
    int port;

    @Test
    void aLapsedInformalWorkerPaysTheArrearsAndThreeMonthsAheadAndIsActiveAgain() throws Exception {
        ReactivationFixtures fixtures = new ReactivationFixtures(jdbc, personalData, informalWorkers);
        String email = Visitor.uniqueEmail("bpu-ahead");
        Visitor visitor = Visitor.signedInMember(port, mvc, "Rina Dimuka", email, "Reaktivasi-Dimuka-2022");
        TestMember rina = fixtures.informalWorker(fixtures.accountId(email), email, JANUARY, INCOME);
        Payer payer = Payer.member(rina.id());
        for (Period month = JANUARY; !month.isAfter(MARCH); month = month.next()) {
            billing.run(month, BPU, at(month.firstDay(), 1), p -> { });
            lapses.lapse(month.lastDay());
        }
        assertThat(members.byId(rina.id()).orElseThrow().status()).isEqualTo(MemberStatus.NON_ACTIVE);
        assertThat(visitor.get("/kepesertaan/reaktivasi").body()).contains("3, 6, atau 12 bulan di muka")
                .contains("href=\"/pembayaran#choice-heading\"");

        assertThat(visitor.submit("/pembayaran", "/pembayaran/pilihan", "months", "3").status()).isEqualTo(302);
        LocalDate payday = MARCH.lastDay();
        ArrearsStatement owed = bills.arrears(payer, payday);
        Rupiah monthly = contributions.informal(APRIL, Rupiah.of(INCOME), EnumSet.of(Program.JKK, Program.JKM))
                .total();
        AmountDue due = desk.due(rina.customerNumber(), payday).orElseThrow();
        assertThat(due.amount()).isEqualTo(owed.total().plus(monthly).plus(monthly).plus(monthly));

        desk.receive(new IncomingPayment("VIRTUAL_ACCOUNT", "BANKUJI", "va-" + UUID.randomUUID(),
                rina.customerNumber(), due.amount(), at(payday, 10)));
        assertThat(bills.arrears(payer, payday).bills()).isEmpty();
        for (int i = 0; i < 100 && members.byId(rina.id()).orElseThrow().status() != MemberStatus.ACTIVE; i++) {
            Thread.sleep(100);
        }
        assertThat(members.byId(rina.id()).orElseThrow().status()).isEqualTo(MemberStatus.ACTIVE);

        // 1 April: billed again; the prepaid credit pays the bill overnight.
        billing.run(APRIL, BPU, at(APRIL.firstDay(), 1), p -> { });
        assertThat(bills.arrears(payer, APRIL.firstDay()).total()).isEqualTo(monthly);
        credits.applyAll(APRIL.firstDay());
        assertThat(bills.arrears(payer, APRIL.firstDay()).bills()).as("April paid ahead").isEmpty();
    }
}
