package id.jamsos.payment.internal;

import static id.jamsos.payment.PaymentFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.BillAmount;
import id.jamsos.contribution.BillSettled;
import id.jamsos.contribution.Bills;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.Party;
import id.jamsos.contribution.Payer;
import id.jamsos.contribution.Program;
import id.jamsos.contribution.internal.BillingRun;
import id.jamsos.notification.internal.NoticeTexts;
import id.jamsos.notification.internal.Notices;
import id.jamsos.notification.internal.StoredNotice;
import id.jamsos.payment.PaymentFixtures;
import id.jamsos.ledger.internal.BillPosting;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 5 against PostgreSQL: an employer's bill paid by transfer tells each administrator (e-mail in the language of
 * their own account, and a portal notice, both in the payment's transaction) and each wage earner on the bill (a
 * notice with their JHT for the month, from the ledger); the payment sent again and the settled bill delivered
 * again post nothing twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaymentNoticesTests {

    static final Period MAY = Period.of(2024, 5);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    BillingRun billing;
    @Autowired
    Bills bills;
    @Autowired
    JdbcPaymentDesk desk;
    @Autowired
    BillPosting posting;
    @Autowired
    Notices notices;
    @Autowired
    NoticeTexts texts;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void aSettledEmployerBillTellsItsAdministratorsInTheirLanguagesAndEachWorkerTheirJhtOnceEvenIfRedelivered() {
        PaymentFixtures fixtures = new PaymentFixtures(jdbc);
        PaymentFixtures.TestEmployer employer = fixtures.employer(2);
        String name = "PT Bayar " + employer.npp().value();
        UUID english = account("Grace Admin", "EMPLOYER_ADMIN", "en");
        UUID indonesian = account("Dewi Admin", "EMPLOYER_ADMIN", "id");
        for (UUID admin : List.of(english, indonesian)) {
            jdbc.sql("INSERT INTO employer.employer_admin (account_id, employer_id, linked_at, linked_by)"
                    + " VALUES (:a, :e, now(), :a)").param("a", admin).param("e", employer.id()).update();
        }
        UUID sitiAccount = account("Siti Pekerja", "MEMBER", "id");
        UUID budiAccount = account("Budi Pekerja", "MEMBER", "en");
        PaymentFixtures.TestMember siti = fixtures.member(sitiAccount, email(sitiAccount), "Siti Pekerja");
        PaymentFixtures.TestMember budi = fixtures.member(budiAccount, email(budiAccount), "Budi Pekerja");
        employ(employer.id(), siti, 5_000_000);
        employ(employer.id(), budi, 12_000_000);
        UUID withoutMember = fixtures.employ(employer.id(), MAY.firstDay(), MAY.lastDay(), 4_000_000);
        billing.run(MAY, EnumSet.of(Category.PU), at(LocalDate.of(2024, 6, 1), 1), p -> { });
        LocalDate paidOn = LocalDate.of(2024, 6, 10);
        Rupiah due = bills.arrears(Payer.employer(employer.id()), paidOn).total();

        IncomingPayment transfer = new IncomingPayment("TRANSFER", "Bank Uji", "trf-" + UUID.randomUUID(),
                employer.customerNumber(), due, at(paidOn, 10));
        Receipt receipt = desk.receive(transfer, UUID.randomUUID(), null);
        long paymentId = ((Receipt.Accepted) receipt).paymentId();
        long billId = jdbc.sql("SELECT id FROM contribution.bill WHERE employer_id = :e AND period = '2024-05'")
                .param("e", employer.id()).query(Long.class).single();

        // E-mails in the payment's transaction, each in the language of its recipient's account.
        assertThat(mail(english, "payment-received")).containsExactly("en", "Contribution payment received");
        assertThat(mail(english, "payment-bill-settled")).containsExactly("en", "Contribution bill settled");
        assertThat(mail(indonesian, "payment-received")).containsExactly("id", "Pembayaran iuran diterima");
        assertThat(mail(indonesian, "payment-bill-settled")).containsExactly("id", "Tagihan iuran lunas");

        // The administrators' notices are in the payment's transaction too: there as soon as it answered.
        StoredNotice received = notice(english, PaymentNotices.PAYMENT_RECEIVED, paymentId).orElseThrow();
        assertThat(received.link()).isEqualTo("/pembayaran/" + paymentId);
        assertThat(texts.text(received, Locale.ENGLISH)).isEqualTo("We received a payment of " + due.formatted()
                + " for " + name + " on 10 June 2024.");
        StoredNotice settled = notice(indonesian, PaymentNotices.BILL_SETTLED, billId).orElseThrow();
        assertThat(texts.text(settled, Locale.forLanguageTag("id"))).isEqualTo("Tagihan iuran Mei 2024 atas nama "
                + name + " telah lunas sebesar " + due.formatted() + ".");
        assertThat(notice(english, PaymentNotices.BILL_SETTLED, billId)).isPresent();
        assertThat(notice(indonesian, PaymentNotices.PAYMENT_RECEIVED, paymentId)).isPresent();
        assertThat(count(english) + count(indonesian)).isEqualTo(4);

        // The workers hear from the ledger when their JHT is credited (after the commit, through the registry).
        // JHT 3.7 % + 2 % of the wage: 185,000 + 100,000 and 444,000 + 240,000.
        StoredNotice toSiti = awaitNotice(sitiAccount, "CONTRIBUTION_PAID", billId);
        assertThat(texts.text(toSiti, Locale.forLanguageTag("id"))).isEqualTo("Iuran Anda untuk Mei 2024 telah"
                + " dibayar oleh " + name + ". JHT Anda bulan itu bertambah Rp 285.000.");
        assertThat(toSiti.link()).isEqualTo("/saldo-jht");
        StoredNotice toBudi = awaitNotice(budiAccount, "CONTRIBUTION_PAID", billId);
        assertThat(texts.text(toBudi, Locale.ENGLISH)).isEqualTo("Your contribution for May 2024 has been paid by "
                + name + ". Your JHT grew by Rp 684.000 for that month.");
        assertThat(count(sitiAccount)).isEqualTo(1);
        assertThat(count(budiAccount)).isEqualTo(1);
        assertThat(withoutMember).as("a worker without a member record gets nothing and breaks nothing").isNotNull();

        // The bank sends the same transfer again, and the registry delivers the settled bill to the ledger again
        // (a restart before it recorded the delivery as done): nothing new.
        assertThat(desk.receive(transfer, UUID.randomUUID(), null)).isEqualTo(new Receipt.Accepted(paymentId, due, true));
        BillSettled again = new BillSettled(billId, Payer.employer(employer.id()), MAY, paidOn,
                List.of(new BillAmount(Program.JHT, Party.EMPLOYER, Rupiah.of(1))), Rupiah.ZERO);
        for (int i = 0; i < 2; i++) {
            transaction.executeWithoutResult(status -> posting.post(again));
        }
        assertThat(count(english) + count(indonesian)).isEqualTo(4);
        assertThat(count(sitiAccount)).isEqualTo(1);
        assertThat(count(budiAccount)).isEqualTo(1);
        assertThat(texts.text(notices.find(budiAccount, toBudi.id()).orElseThrow(), Locale.ENGLISH))
                .as("the first notice stands").contains("Rp 684.000");
    }

    private Optional<StoredNotice> notice(UUID account, String kind, long reference) {
        return notices.newest(account, 0, 50).stream()
                .filter(n -> n.kind().equals(kind) && n.reference().equals(String.valueOf(reference))).findFirst();
    }

    private StoredNotice awaitNotice(UUID account, String kind, long reference) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> notices.newest(account, 0, 50).stream()
                        .filter(n -> n.kind().equals(kind) && n.reference().equals(String.valueOf(reference)))
                        .findFirst().orElse(null), n -> n != null);
    }

    private List<String> mail(UUID account, String template) {
        return jdbc.sql("SELECT language, subject FROM notification.outbox_email WHERE recipient = :r AND template = :t")
                .param("r", email(account)).param("t", template)
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2))).single();
    }

    private long count(UUID account) {
        return jdbc.sql("SELECT count(*) FROM notification.notice WHERE account_id = :a").param("a", account)
                .query(Long.class).single();
    }

    private UUID account(String name, String role, String language) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO account.account (id, email, full_name, mobile_number, role, language,
                                                     email_verified_at, created_at)
                        VALUES (:id, :email, :name, '+6281298765432', :role, :language, now(), now())""")
                .param("id", id).param("email", email(id)).param("name", name).param("role", role)
                .param("language", language).update();
        return id;
    }

    private static String email(UUID account) {
        return "notice-" + account + "@example.test";
    }

    private void employ(long employerId, PaymentFixtures.TestMember member, long wage) {
        jdbc.sql("""
                        INSERT INTO employer.employment (employer_id, member_id, kpj, start_date, end_date,
                                                         joining_wage_rupiah, job_title, created_at)
                        VALUES (:employer, :member, :kpj, :start, :end, :wage, 'Staf', now())""")
                .param("employer", employerId).param("member", member.id()).param("kpj", member.kpj().value())
                .param("start", MAY.firstDay()).param("end", MAY.lastDay()).param("wage", wage).update();
    }
}
