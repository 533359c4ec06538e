package id.jamsos.payment;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.account.Visitor;
import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.InformalWorkers;
import id.jamsos.contribution.MonthsAhead;
import id.jamsos.contribution.Program;
import id.jamsos.contribution.internal.BillingRun;
import id.jamsos.payment.internal.IncomingPayment;
import id.jamsos.payment.internal.JdbcPaymentDesk;
import id.jamsos.payment.internal.Receipt;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * The payer's own page: an informal worker sees their virtual account and amount, pays three months ahead through
 * the desk (as the SNAP endpoint does), and the months are shown as credit; nobody reaches another payer's payments.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class PaymentPagesTests {

    static final String PASSWORD = "Bayar-Iuran-2026";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BillingRun billing;
    @Autowired
    InformalWorkers informalWorkers;
    @Autowired
    MonthsAhead monthsAhead;
    @Autowired
    JdbcPaymentDesk desk;
    @Autowired
    Clock clock;
    @LocalServerPort
    int port;

    @Test
    void anInformalWorkerPaysThreeMonthsAheadThroughTheirVirtualAccountAndSeesOnlyTheirOwnPayments() throws Exception {
        PaymentFixtures fixtures = new PaymentFixtures(jdbc);
        String email = Visitor.uniqueEmail("bpu");
        Visitor member = Visitor.signedInMember(port, mvc, "Rina Bayar", email, PASSWORD);
        PaymentFixtures.TestMember rina = fixtures.member(fixtures.accountId(email), email, "Rina Bayar");
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Jakarta")));
        Period month = Period.of(today);
        informalWorkers.enrol(rina.id(), Rupiah.of(2_000_000), Set.of(Program.JHT), month);
        billing.run(month, EnumSet.of(Category.BPU), clock.instant(), p -> { });
        Rupiah monthly = desk.due(rina.customerNumber(), today).orElseThrow().amount();
        // JKK 1 % + JKM flat + JHT 2 % of 2,000,000, from the rate tables.
        assertThat(monthly.isGreaterThan(Rupiah.ZERO)).isTrue();

        Visitor.Page page = member.get("/pembayaran");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Pembayaran iuran").contains(rina.customerNumber()).contains(monthly.formatted())
                .contains("di muka");
        assertThat(member.get("/pembayaran?lang=en").body()).contains("Contribution payment").contains("How to pay");

        Visitor.Page chosen = member.submit("/pembayaran", "/pembayaran/pilihan", "months", "3");
        assertThat(chosen.status()).isEqualTo(302);
        Rupiah ahead = monthsAhead.monthsAhead(rina.id(), today, 3).stream().map(MonthsAhead.MonthAhead::amount)
                .reduce(Rupiah.ZERO, Rupiah::plus);
        Rupiah total = monthly.plus(ahead);
        assertThat(desk.due(rina.customerNumber(), today).orElseThrow().amount()).isEqualTo(total);
        assertThat(member.get("/pembayaran").body()).contains(total.formatted());

        Receipt receipt = desk.receive(new IncomingPayment("VIRTUAL_ACCOUNT", "BANKUJI", "va-" + UUID.randomUUID(),
                rina.customerNumber(), total, clock.instant()));
        long paymentId = ((Receipt.Accepted) receipt).paymentId();
        Visitor.Page after = member.get("/pembayaran");
        assertThat(after.body()).contains(ahead.formatted()).contains("/pembayaran/" + paymentId);
        assertThat(desk.due(rina.customerNumber(), today).orElseThrow().amount()).isEqualTo(Rupiah.ZERO);
        assertThat(fixtures.count("SELECT count(*) FROM payment.payment_order WHERE payment_id = ? AND status = 'PAID'",
                paymentId)).isEqualTo(1);
        assertThat(member.get("/pembayaran/" + paymentId).status()).isEqualTo(200);
        assertThat(fixtures.count("SELECT count(*) FROM notification.outbox_email WHERE recipient = ? AND template LIKE 'payment-%'", email.toLowerCase()))
                .isGreaterThanOrEqualTo(2);

        // Another member and a stranger get 404, never the payment.
        String otherEmail = Visitor.uniqueEmail("bpu-other");
        Visitor other = Visitor.signedInMember(port, mvc, "Budi Lain", otherEmail, PASSWORD);
        fixtures.member(fixtures.accountId(otherEmail), otherEmail, "Budi Lain");
        assertThat(other.get("/pembayaran/" + paymentId).status()).isEqualTo(404);
        assertThat(other.get("/pembayaran").body()).doesNotContain(rina.customerNumber());
        Visitor stranger = Visitor.signedInMember(port, mvc, "Tanpa Kepesertaan", Visitor.uniqueEmail("none"), PASSWORD);
        assertThat(stranger.get("/pembayaran").status()).isEqualTo(404);
        assertThat(stranger.get("/pembayaran/" + paymentId).status()).isEqualTo(404);
        assertThat(member.get("/pembayaran/abc").status()).isEqualTo(404);
        assertThat(new Visitor(port, mvc).get("/pembayaran").status()).isEqualTo(302);
    }

    @Test
    void anEmployerAdministratorPaysTheEmployersArrearsTheSameWayButCannotPayAhead() throws Exception {
        PaymentFixtures fixtures = new PaymentFixtures(jdbc);
        PaymentFixtures.TestEmployer employer = fixtures.employer(2);
        fixtures.employ(employer.id(), LocalDate.of(2023, 8, 1), LocalDate.of(2023, 8, 31), 7_000_000);
        billing.run(Period.of(2023, 8), EnumSet.of(Category.PU), PaymentFixtures.at(LocalDate.of(2023, 9, 1), 1),
                p -> { });
        String email = Visitor.uniqueEmail("employer");
        Visitor admin = new Visitor(port, mvc);
        admin.registerAndVerify("Dewi Admin", email, PASSWORD);
        UUID account = fixtures.accountId(email);
        jdbc.sql("UPDATE account.account SET role = 'EMPLOYER_ADMIN' WHERE id = :id").param("id", account).update();
        jdbc.sql("INSERT INTO employer.employer_admin (account_id, employer_id, linked_at, linked_by)"
                        + " VALUES (:account, :employer, now(), :account)")
                .param("account", account).param("employer", employer.id()).update();
        admin.signInAsOwner(email, PASSWORD);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Jakarta")));
        Rupiah due = desk.due(employer.customerNumber(), today).orElseThrow().amount();

        Visitor.Page page = admin.get("/pembayaran");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("PT Bayar " + employer.npp().value()).contains(employer.customerNumber())
                .contains(due.formatted()).contains("Agustus 2023").doesNotContain("name=\"months\"");
        Visitor.Page ahead = admin.submit("/pembayaran", "/pembayaran/pilihan", "months", "3");
        assertThat(ahead.status()).isEqualTo(400);
        assertThat(fixtures.count("SELECT count(*) FROM payment.payment_order WHERE customer_number = ?",
                employer.customerNumber())).isZero();

        desk.receive(new IncomingPayment("VIRTUAL_ACCOUNT", "BANKUJI", "emp-" + UUID.randomUUID(),
                employer.customerNumber(), due, clock.instant()));
        assertThat(admin.get("/pembayaran").body()).contains("Tidak ada yang harus dibayar");
        assertThat(fixtures.count("SELECT count(*) FROM notification.outbox_email WHERE recipient = ?"
                + " AND template = 'payment-bill-settled'", email.toLowerCase())).isEqualTo(1);
    }

    @Test
    void aBadChoiceIsRefusedInBothLanguagesAndChangesNothing() throws Exception {
        PaymentFixtures fixtures = new PaymentFixtures(jdbc);
        String email = Visitor.uniqueEmail("bpu-bad");
        Visitor member = Visitor.signedInMember(port, mvc, "Sinta Salah", email, PASSWORD);
        PaymentFixtures.TestMember sinta = fixtures.member(fixtures.accountId(email), email, "Sinta Salah");
        long orders = fixtures.count("SELECT count(*) FROM payment.payment_order");
        for (String lang : new String[] {"id", "en"}) {
            for (String bad : new String[] {"2", "x", "", "-1", "120", "99999999999"}) {
                Visitor.Page page = member.submit("/pembayaran?lang=" + lang, "/pembayaran/pilihan?lang=" + lang,
                        "months", bad);
                assertThat(page.status()).as(bad).isEqualTo(400);
                assertThat(page.body()).as(bad).contains(lang.equals("id") ? "Pilih tagihan saat ini" : "Choose the current bill");
            }
        }
        assertThat(fixtures.count("SELECT count(*) FROM payment.payment_order")).isEqualTo(orders);
        assertThat(sinta.customerNumber()).startsWith("2");
    }
}
