package id.jamsos.payment;

import static id.jamsos.payment.PaymentFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.account.Visitor;
import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.Bills;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.Payer;
import id.jamsos.contribution.internal.BillingRun;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The branch over HTTP as an officer uses it: cash with a receipt PDF, a partial payment, the drawer closed with a
 * difference, a transfer into suspense and its allocation, a reversal; bad input on every form in both languages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class BranchPagesTests {

    static final String PASSWORD = "Petugas-Bayar-2026";
    static final Pattern PAYMENT = Pattern.compile("/petugas/pembayaran/([0-9]+)$");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BillingRun billing;
    @Autowired
    Bills bills;
    @LocalServerPort
    int port;

    @Test
    void anOfficerTakesPartialCashPrintsTheReceiptAndClosesTheDrawerWithADifference() throws Exception {
        PaymentFixtures fixtures = new PaymentFixtures(jdbc);
        PaymentFixtures.TestEmployer employer = billedEmployer(fixtures);
        Visitor officer = officer(fixtures);
        String payerPage = "/petugas/pembayaran/pembayar/" + employer.customerNumber();

        Visitor.Page found = officer.get("/petugas/pembayaran?cari=" + employer.npp().value());
        assertThat(found.status()).isEqualTo(302);
        assertThat(found.location()).endsWith(payerPage);
        Visitor.Page page = officer.get(payerPage);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("PT Bayar " + employer.npp().value()).contains("Terima pembayaran tunai");
        Rupiah before = bills.arrears(Payer.employer(employer.id()), today()).total();

        String token = token(page.body());
        Visitor.Page cash = officer.submit(payerPage, payerPage + "/tunai", "amount", "100.000", "token", token);
        assertThat(cash.status()).isEqualTo(302);
        long paymentId = paymentId(cash.location());
        // The same form sent again records nothing more.
        Visitor.Page again = officer.submit(payerPage, payerPage + "/tunai", "amount", "100.000", "token", token);
        assertThat(paymentId(again.location())).isEqualTo(paymentId);
        assertThat(fixtures.count("SELECT count(*) FROM payment.payment WHERE customer_number = ?",
                employer.customerNumber())).isEqualTo(1);
        String receiptNumber = jdbc.sql("SELECT receipt_number FROM payment.payment WHERE id = :id")
                .param("id", paymentId).query(String.class).single();
        assertThat(receiptNumber).matches("KW-20[0-9]{2}-[0-9]{6}");

        // Partial: the bill stays open and what is left is shown.
        assertThat(bills.arrears(Payer.employer(employer.id()), today()).bills()).hasSize(1);
        assertThat(officer.get(payerPage).body()).contains(before.minus(Rupiah.of(100_000)).formatted());

        HttpResponse<byte[]> pdf = officer.download("/petugas/pembayaran/" + paymentId + "/kuitansi.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(receiptNumber).contains("Rp 100.000").contains("Kuitansi");
        }

        Visitor.Page drawer = officer.get("/petugas/pembayaran/kas");
        assertThat(drawer.body()).contains("Rp 100.000");
        Visitor.Page noNote = officer.submit("/petugas/pembayaran/kas", "/petugas/pembayaran/kas", "counted", "90.000");
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.body()).contains("Ada selisih");
        assertThat(closedDrawers(officer, fixtures)).isZero();
        Visitor.Page closed = officer.submit("/petugas/pembayaran/kas", "/petugas/pembayaran/kas", "counted",
                "90.000", "note", "Uang kembalian kurang");
        assertThat(closed.status()).isEqualTo(302);
        assertThat(officer.get("/petugas/pembayaran/kas").body()).contains("-Rp 10.000").contains("Uang kembalian kurang");
        assertThat(fixtures.count("""
                SELECT count(*) FROM audit.audit_event WHERE action = 'CASH_DRAWER_CLOSED_WITH_DIFFERENCE'
                   AND details ->> 'difference' = '-10000' AND target_id LIKE ?""",
                fixtures.accountId(officerEmail) + "/%")).isEqualTo(1);

        // A closed drawer takes no more cash today.
        Visitor.Page refused = officer.submit(payerPage, payerPage + "/tunai", "amount", "5.000", "token",
                UUID.randomUUID().toString());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(fixtures.count("SELECT count(*) FROM payment.payment WHERE customer_number = ?",
                employer.customerNumber())).isEqualTo(1);
    }

    @Test
    void aTransferWithoutPayerWaitsInSuspenseUntilAnOfficerAllocatesIt() throws Exception {
        PaymentFixtures fixtures = new PaymentFixtures(jdbc);
        PaymentFixtures.TestEmployer employer = billedEmployer(fixtures);
        Visitor officer = officer(fixtures);
        Rupiah owed = bills.arrears(Payer.employer(employer.id()), today()).total();
        String reference = "TRF" + UUID.randomUUID().toString().substring(0, 8);

        Visitor.Page recorded = officer.submit("/petugas/pembayaran", "/petugas/pembayaran/transfer", "bank",
                "Bank Uji", "reference", reference, "day", today().minusDays(1).toString(),
                "amount", String.valueOf(owed.value()), "payer", "");
        assertThat(recorded.status()).isEqualTo(302);
        long paymentId = paymentId(recorded.location());
        Visitor.Page repeated = officer.submit("/petugas/pembayaran", "/petugas/pembayaran/transfer", "bank",
                "Bank Uji", "reference", reference, "day", today().minusDays(1).toString(),
                "amount", String.valueOf(owed.value()), "payer", "");
        assertThat(paymentId(repeated.location())).isEqualTo(paymentId);
        assertThat(officer.get("/petugas/pembayaran/titipan").body()).contains(reference);
        assertThat(officer.get("/petugas/pembayaran/rekonsiliasi?tanggal=" + today().minusDays(1)).body())
                .contains(reference).contains("Belum ada pembayarnya");

        Visitor.Page assigned = officer.submit("/petugas/pembayaran/titipan", "/petugas/pembayaran/titipan/" + paymentId,
                "payer", employer.npp().value(), "note", "Konfirmasi telepon bagian keuangan");
        assertThat(assigned.status()).isEqualTo(302);
        assertThat(officer.get("/petugas/pembayaran/titipan").body()).doesNotContain(reference);
        assertThat(bills.arrears(Payer.employer(employer.id()), today()).bills()).isEmpty();
        assertThat(fixtures.count("SELECT coalesce(sum(amount), 0) FROM payment.allocation WHERE payment_id = ?",
                paymentId)).isEqualTo(owed.value());
        assertThat(fixtures.count("SELECT count(*) FROM audit.audit_event WHERE action = 'PAYMENT_SUSPENSE_ASSIGNED'"
                + " AND target_id = ?", String.valueOf(paymentId))).isEqualTo(1);
        // Assigned once: a second assignment finds nothing in suspense.
        Visitor.Page twice = officer.submit("/petugas/pembayaran/titipan", "/petugas/pembayaran/titipan/" + paymentId,
                "payer", employer.npp().value(), "note", "lagi");
        assertThat(twice.status()).isEqualTo(404);
    }

    @Test
    void aWrongPaymentIsReversedWithAReasonAsANewNegativeRecord() throws Exception {
        PaymentFixtures fixtures = new PaymentFixtures(jdbc);
        PaymentFixtures.TestEmployer employer = billedEmployer(fixtures);
        Visitor officer = officer(fixtures);
        String payerPage = "/petugas/pembayaran/pembayar/" + employer.customerNumber();
        Rupiah owed = bills.arrears(Payer.employer(employer.id()), today()).total();
        Visitor.Page cash = officer.submit(payerPage, payerPage + "/tunai", "amount", "50.000", "token",
                token(officer.get(payerPage).body()));
        long paymentId = paymentId(cash.location());
        String paymentPage = "/petugas/pembayaran/" + paymentId;

        Visitor.Page noReason = officer.submit(paymentPage, paymentPage + "/batal", "reason", "  ");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(fixtures.count("SELECT count(*) FROM payment.payment WHERE reverses = ?", paymentId)).isZero();

        Visitor.Page reversed = officer.submit(paymentPage, paymentPage + "/batal", "reason", "Salah pembayar");
        assertThat(reversed.status()).isEqualTo(302);
        long reversal = paymentId(reversed.location());
        assertThat(jdbc.sql("SELECT amount FROM payment.payment WHERE id = :id").param("id", reversal)
                .query(Long.class).single()).isEqualTo(-50_000L);
        assertThat(jdbc.sql("SELECT amount FROM payment.payment WHERE id = :id").param("id", paymentId)
                .query(Long.class).single()).isEqualTo(50_000L);
        assertThat(fixtures.count("SELECT coalesce(sum(amount), 0) FROM payment.allocation WHERE customer_number = ?",
                employer.customerNumber())).isZero();
        assertThat(officer.get(payerPage).body()).contains(owed.formatted());
        assertThat(fixtures.count("SELECT count(*) FROM audit.audit_event WHERE action = 'PAYMENT_REVERSED'"
                + " AND target_id = ? AND details ->> 'reason' = 'Salah pembayar'", String.valueOf(paymentId)))
                .isEqualTo(1);
        Visitor.Page twice = officer.submit(paymentPage, paymentPage + "/batal", "reason", "Lagi");
        assertThat(twice.status()).isEqualTo(409);
        // Cash handed back leaves the drawer at zero.
        assertThat(officer.get("/petugas/pembayaran/kas").body()).contains("Rp 0");
    }

    @Test
    void badInputOnEveryBranchFormIsRefusedInBothLanguagesAndRecordsNothing() throws Exception {
        PaymentFixtures fixtures = new PaymentFixtures(jdbc);
        PaymentFixtures.TestEmployer employer = billedEmployer(fixtures);
        Visitor officer = officer(fixtures);
        String payerPage = "/petugas/pembayaran/pembayar/" + employer.customerNumber();
        long payments = fixtures.count("SELECT count(*) FROM payment.payment");
        long assignments = fixtures.count("SELECT count(*) FROM payment.assignment");

        for (String lang : new String[] {"id", "en"}) {
            String message = lang.equals("id") ? "Ketik NPP" : "Type a valid";
            for (String bad : new String[] {"abc", "1234567", "12345678901", "%00", "9".repeat(40)}) {
                Visitor.Page search = officer.get("/petugas/pembayaran?lang=" + lang + "&cari="
                        + java.net.URLEncoder.encode(bad, java.nio.charset.StandardCharsets.UTF_8));
                assertThat(search.status()).as(bad).isEqualTo(400);
                assertThat(search.body()).as(bad).contains(message);
            }
            String amountMessage = lang.equals("id") ? "Jumlah pembayaran harus" : "The payment amount must";
            for (String bad : new String[] {"", "abc", "-5", "0", "1,5", "999999999999999"}) {
                Visitor.Page cash = officer.submit(payerPage + "?lang=" + lang, payerPage + "/tunai?lang=" + lang,
                        "amount", bad, "token", UUID.randomUUID().toString());
                assertThat(cash.status()).as(bad).isEqualTo(400);
                assertThat(cash.body()).as(bad).contains(amountMessage);
            }
            assertThat(officer.submit(payerPage, payerPage + "/tunai?lang=" + lang, "amount", "10.000", "token",
                    "not-a-token").status()).isEqualTo(400);
            String[][] transfers = {
                    {"", "REF1", "2026-01-01", "10000", ""},
                    {"Bank <script>", "REF1", "2026-01-01", "10000", ""},
                    {"Bank Uji", "", "2026-01-01", "10000", ""},
                    {"Bank Uji", "REF 1 ;", "2026-01-01", "10000", ""},
                    {"Bank Uji", "REF1", "2026-02-30", "10000", ""},
                    {"Bank Uji", "REF1", "2999-01-01", "10000", ""},
                    {"Bank Uji", "REF1", "2026-01-01", "0", ""},
                    {"Bank Uji", "REF1", "2026-01-01", "10000", "12ab"},
            };
            for (String[] t : transfers) {
                Visitor.Page transfer = officer.submit("/petugas/pembayaran", "/petugas/pembayaran/transfer?lang=" + lang,
                        "bank", t[0], "reference", t[1], "day", t[2], "amount", t[3], "payer", t[4]);
                assertThat(transfer.status()).as(String.join("|", t)).isEqualTo(400);
                assertThat(transfer.body()).contains("role=\"alert\"");
            }
            for (String bad : new String[] {"2026-13-01", "kemarin", "2999-01-01"}) {
                Visitor.Page report = officer.get("/petugas/pembayaran/rekonsiliasi?lang=" + lang + "&tanggal=" + bad);
                assertThat(report.status()).as(bad).isEqualTo(400);
                assertThat(report.body()).as(bad).contains(lang.equals("id") ? "Tanggal harus" : "The day must");
            }
            for (String[] c : new String[][] {{"", ""}, {"abc", ""}, {"-1", "x"}}) {
                Visitor.Page drawer = officer.submit("/petugas/pembayaran/kas", "/petugas/pembayaran/kas?lang=" + lang,
                        "counted", c[0], "note", c[1]);
                assertThat(drawer.status()).isEqualTo(400);
                assertThat(drawer.body()).contains(lang.equals("id") ? "Jumlah yang dihitung" : "The counted amount");
            }
        }
        // Suspense: a transfer to allocate, then bad payers and notes.
        Visitor.Page suspense = officer.submit("/petugas/pembayaran", "/petugas/pembayaran/transfer", "bank", "Bank Uji",
                "reference", "S" + UUID.randomUUID().toString().substring(0, 8), "day", today().toString(),
                "amount", "10000", "payer", "");
        long suspended = paymentId(suspense.location());
        for (String[] a : new String[][] {{"abc", "catatan"}, {"", "catatan"}, {employer.npp().value(), ""},
                {employer.npp().value(), "x".repeat(501)}, {"99999999", "catatan"}}) {
            Visitor.Page assign = officer.submit("/petugas/pembayaran/titipan?lang=en",
                    "/petugas/pembayaran/titipan/" + suspended + "?lang=en", "payer", a[0], "note", a[1]);
            assertThat(assign.status()).as(a[0]).isEqualTo(400);
        }
        assertThat(officer.get("/petugas/pembayaran/pembayar/199999999").status()).isEqualTo(404);
        assertThat(officer.get("/petugas/pembayaran/99999999999").status()).isEqualTo(404);
        assertThat(fixtures.count("SELECT count(*) FROM payment.payment")).isEqualTo(payments + 1);
        assertThat(fixtures.count("SELECT count(*) FROM payment.assignment")).isEqualTo(assignments);
        assertThat(closedDrawers(officer, fixtures)).isZero();
    }

    @Test
    void membersAndEmployerAdministratorsCannotReachTheBranchPages() throws Exception {
        Visitor member = Visitor.signedInMember(port, mvc, "Bukan Petugas", Visitor.uniqueEmail("member"), PASSWORD);
        assertThat(member.get("/petugas/pembayaran").status()).isEqualTo(403);
        assertThat(member.get("/petugas/pembayaran/rekonsiliasi").status()).isEqualTo(403);
        assertThat(member.get("/admin/pembayaran/rekonsiliasi").status()).isEqualTo(403);
        Visitor admin = new Visitor(port, mvc);
        admin.signInAsOwner("admin@demo.jamsos.test", "Admin-Demo-Jamsos-4");
        assertThat(admin.get("/admin/pembayaran/rekonsiliasi").status()).isEqualTo(200);
    }

    private PaymentFixtures.TestEmployer billedEmployer(PaymentFixtures fixtures) {
        PaymentFixtures.TestEmployer employer = fixtures.employer(1);
        fixtures.employ(employer.id(), LocalDate.of(2023, 6, 1), LocalDate.of(2023, 6, 30), 5_000_000);
        billing.run(Period.of(2023, 6), EnumSet.of(Category.PU), at(LocalDate.of(2023, 7, 1), 1), p -> { });
        return employer;
    }

    private String officerEmail;

    private Visitor officer(PaymentFixtures fixtures) throws Exception {
        officerEmail = Visitor.uniqueEmail("officer");
        Visitor visitor = new Visitor(port, mvc);
        visitor.registerAndVerify("Sari Kasir", officerEmail, PASSWORD);
        jdbc.sql("UPDATE account.account SET role = 'OFFICER' WHERE id = :id")
                .param("id", fixtures.accountId(officerEmail)).update();
        visitor.signInAsOwner(officerEmail, PASSWORD);
        return visitor;
    }

    private long closedDrawers(Visitor officer, PaymentFixtures fixtures) {
        return fixtures.count("SELECT count(*) FROM payment.cash_drawer WHERE officer_id = ? AND closed_at IS NOT NULL",
                fixtures.accountId(officerEmail));
    }

    static LocalDate today() {
        return LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"));
    }

    private static String token(String body) {
        Matcher token = Pattern.compile("name=\"token\" value=\"([0-9a-f-]{36})\"").matcher(body);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private static long paymentId(String location) {
        Matcher matcher = PAYMENT.matcher(location == null ? "" : location);
        assertThat(matcher.find()).as(location).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
