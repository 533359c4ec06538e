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
import id.jamsos.contribution.UnpaidBill;
import id.jamsos.contribution.internal.BillingRun;
import id.jamsos.contribution.internal.BpuLapses;
import id.jamsos.ledger.JhtBalances;
import id.jamsos.ledger.internal.LedgerCheck;
import id.jamsos.membership.MemberStatus;
import id.jamsos.membership.Members;
import id.jamsos.membership.StatusChange;
import id.jamsos.payment.internal.AmountDue;
import id.jamsos.payment.internal.IncomingPayment;
import id.jamsos.payment.internal.PaymentDesk;
import id.jamsos.platform.PersonalData;
import id.jamsos.reactivation.ReactivationFixtures.TestMember;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
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
 * Time travel through the first months of 2022 (in the past, so the member page, which answers as of today, still shows the arrears) with the jobs run on their days (dates passed explicitly): an informal
 * worker pays nothing for three months, lapses, sees on their own page what reactivation costs, pays it by virtual
 * account as the SNAP endpoint would hand it in, and is ACTIVE again at once, billed again from the next month. She
 * chose JHT, so at each step the JHT ledger is checked too: her JHT account holds exactly the JHT shares of the
 * months paid (nothing while unpaid), the JHT fund does not move (a BPU worker's JHT share is hers, not the pool's),
 * and {@code ledger check} finds no difference in her account, the JHT program or the journal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class OnlineReactivationTests {

    static final Period JANUARY = Period.of(2022, 1);
    static final Period FEBRUARY = Period.of(2022, 2);
    static final Period MARCH = Period.of(2022, 3);
    static final Period APRIL = Period.of(2022, 4);
    static final Set<Category> BPU = EnumSet.of(Category.BPU);
    static final long INCOME = 2_000_000;

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
    JhtBalances jhtBalances;
    @Autowired
    LedgerCheck ledgerCheck;
    @LocalServerPort
    int port;

    @Test
    void anInformalWorkerLapsesAfterThreeUnpaidMonthsPaysByVirtualAccountAndIsActiveAgain() throws Exception {
        ReactivationFixtures fixtures = new ReactivationFixtures(jdbc, personalData, informalWorkers);
        String email = Visitor.uniqueEmail("bpu-online");
        Visitor visitor = Visitor.signedInMember(port, mvc, "Rina Daring", email, "Reaktivasi-Daring-2022");
        Set<Program> programs = EnumSet.of(Program.JHT, Program.JKK, Program.JKM);
        TestMember rina = fixtures.informalWorker(fixtures.accountId(email), email, JANUARY, INCOME, programs);
        Payer payer = Payer.member(rina.id());
        Rupiah monthly = contributions.informal(JANUARY, Rupiah.of(INCOME), programs).total();
        Rupiah monthlyJht = contributions.informal(JANUARY, Rupiah.of(INCOME), programs).lines().stream()
                .filter(line -> line.program() == Program.JHT).findFirst().orElseThrow().worker();
        assertThat(monthlyJht.value()).as("two per cent of the declared income").isEqualTo(INCOME / 50);
        long fundBefore = jhtFund();
        assertLedger(rina, Rupiah.ZERO, fundBefore);

        // January to March: each month billed on the 1st, nothing paid.
        for (Period month : new Period[] {JANUARY, FEBRUARY, MARCH}) {
            billing.run(month, BPU, at(month.firstDay(), 1), p -> { });
            lapses.lapse(month.lastDay());
        }
        assertThat(members.byId(rina.id()).orElseThrow().status()).isEqualTo(MemberStatus.NON_ACTIVE);
        assertThat(members.statusHistory(rina.id())).extracting(StatusChange::status)
                .containsExactly(MemberStatus.NON_ACTIVE);
        ArrearsStatement owed = bills.arrears(payer, MARCH.lastDay());
        assertThat(owed.bills()).extracting(UnpaidBill::period).containsExactly(JANUARY, FEBRUARY, MARCH);
        assertThat(owed.penalties()).as("no penalty for BPU").isEqualTo(Rupiah.ZERO);
        assertThat(owed.total()).isEqualTo(monthly.plus(monthly).plus(monthly));
        assertLedger(rina, Rupiah.ZERO, fundBefore);

        // Rina sees why and how much.
        Visitor.Page page = visitor.get("/kepesertaan/reaktivasi");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Iuran tiga bulan belum dibayar").contains("Januari 2022")
                .contains("Maret 2022").contains(owed.total().formatted()).contains("href=\"/pembayaran\"");

        assertThat(visitor.get("/petugas/reaktivasi?kpj=" + rina.kpj().value()).status())
                .as("a member is no officer").isEqualTo(403);

        // 31 March: she pays the whole amount by virtual account.
        LocalDate payday = MARCH.lastDay();
        AmountDue due = desk.due(rina.customerNumber(), payday).orElseThrow();
        assertThat(due.amount()).isEqualTo(owed.total());
        desk.receive(new IncomingPayment("VIRTUAL_ACCOUNT", "BANKUJI", "va-" + UUID.randomUUID(),
                rina.customerNumber(), due.amount(), at(payday, 10)));
        assertThat(bills.arrears(payer, payday).bills()).isEmpty();

        awaitStatus(rina.id(), MemberStatus.ACTIVE);
        assertThat(members.statusHistory(rina.id())).extracting(StatusChange::status)
                .containsExactly(MemberStatus.NON_ACTIVE, MemberStatus.ACTIVE);
        assertThat(members.statusHistory(rina.id()).get(1).reason()).isEqualTo("ONLINE_ARREARS_SETTLED");
        assertThat(fixtures.count("SELECT count(*) FROM notification.outbox_email WHERE recipient = ?"
                + " AND template = 'membership-reactivated'", email)).isEqualTo(1);
        assertThat(fixtures.count("SELECT count(*) FROM reactivation.reactivation WHERE member_id = ?"
                + " AND channel = 'ONLINE' AND enrolled_from = '2022-04'", rina.id())).isEqualTo(1);
        assertThat(visitor.get("/kepesertaan/reaktivasi").body()).contains("Kepesertaan Anda aktif.");
        Rupiah threeMonths = monthlyJht.plus(monthlyJht).plus(monthlyJht);
        awaitJht(rina.id(), threeMonths);
        assertLedger(rina, threeMonths, fundBefore);
        assertThat(jdbc.sql("SELECT coalesce(sum(worker), 0) FROM ledger.jht_contribution WHERE member_id = :m")
                .param("m", rina.id()).query(Long.class).single()).as("recorded per bill").isEqualTo(threeMonths.value());

        // 1 April: billed again, same KPJ, same income; nothing owed before April.
        billing.run(APRIL, BPU, at(APRIL.firstDay(), 1), p -> { });
        ArrearsStatement april = bills.arrears(payer, APRIL.firstDay());
        assertThat(april.bills()).extracting(UnpaidBill::period).containsExactly(APRIL);
        assertThat(april.total()).isEqualTo(monthly);
        assertLedger(rina, threeMonths, fundBefore);
        AmountDue aprilDue = desk.due(rina.customerNumber(), APRIL.firstDay()).orElseThrow();
        assertThat(aprilDue.amount()).isEqualTo(monthly);
        desk.receive(new IncomingPayment("VIRTUAL_ACCOUNT", "BANKUJI", "va-" + UUID.randomUUID(),
                rina.customerNumber(), aprilDue.amount(), at(APRIL.firstDay(), 10)));
        Rupiah fourMonths = threeMonths.plus(monthlyJht);
        awaitJht(rina.id(), fourMonths);
        assertLedger(rina, fourMonths, fundBefore);
        assertThat(lapses.lapse(APRIL.lastDay())).as("a paid-up member does not lapse again").isZero();
        assertThat(members.byId(rina.id()).orElseThrow().kpj()).isEqualTo(rina.kpj().value());
    }

    /** Her JHT account, the JHT fund and the reconciliation of what concerns her, the JHT program and the journal. */
    private void assertLedger(TestMember member, Rupiah expectedBalance, long expectedFund) {
        Optional<Rupiah> balance = jhtBalances.balance(member.id());
        assertThat(balance.orElse(Rupiah.ZERO)).as("JHT balance of " + member.kpj().value()).isEqualTo(expectedBalance);
        assertThat(jhtFund()).as("JHT fund").isEqualTo(expectedFund);
        Optional<Long> account = jdbc.sql("SELECT id FROM ledger.account WHERE member_id = :m")
                .param("m", member.id()).query(Long.class).optional();
        List<String> differences = ledgerCheck.differences().stream()
                .filter(d -> d.startsWith("journal:") || d.startsWith("program JHT")
                        || d.contains(member.id().toString())
                        || account.map(id -> d.startsWith("account " + id + " ")).orElse(false))
                .toList();
        assertThat(differences).as("ledger check").isEmpty();
    }

    private long jhtFund() {
        return jdbc.sql("""
                        SELECT coalesce(sum(b.credits - b.debits), 0) FROM ledger.account a
                          JOIN ledger.balance b ON b.account_id = a.id WHERE a.kind = 'FUND' AND a.program = 'JHT'""")
                .query(Long.class).single();
    }

    private void awaitJht(UUID member, Rupiah expected) throws InterruptedException {
        for (int i = 0; i < 100 && !jhtBalances.balance(member).orElse(Rupiah.ZERO).equals(expected); i++) {
            Thread.sleep(100);
        }
    }

    private void awaitStatus(UUID member, MemberStatus expected) throws InterruptedException {
        for (int i = 0; i < 100 && members.byId(member).orElseThrow().status() != expected; i++) {
            Thread.sleep(100);
        }
        assertThat(members.byId(member).orElseThrow().status()).isEqualTo(expected);
    }
}
