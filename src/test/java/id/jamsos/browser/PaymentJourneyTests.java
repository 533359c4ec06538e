package id.jamsos.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import id.jamsos.account.Visitor;
import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.InformalWorkers;
import id.jamsos.contribution.Program;
import id.jamsos.contribution.internal.BillingRun;
import id.jamsos.payment.PaymentFixtures;
import id.jamsos.platform.Command;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Paying contributions in a browser: an informal (BPU) worker on a 360-px phone reads the virtual-account number and
 * the amount on their payment page, the bank simulator pays exactly that over the SNAP API, and after a reload the
 * member sees nothing due and the payment listed, the unread count in the navigation and the two notices (payment
 * received, bill settled) on their notices page; an officer on a desktop finds an employer, takes its arrears in
 * cash and downloads the numbered receipt as a PDF.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class PaymentJourneyTests {

    static final String PASSWORD = "Bayar-Iuran-Di-Ponsel-2026";
    static final Pattern DIGITS = Pattern.compile("[^0-9]");

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BillingRun billing;
    @Autowired
    InformalWorkers informalWorkers;
    @Autowired
    List<Command> commands;
    @Autowired
    Clock clock;

    @AfterAll
    static void closeBrowser() {
        chromium.close();
    }

    @Test
    void anInformalWorkerSeesTheVirtualAccountOnAPhoneTheBankPaysItAndTheBillIsSettled() throws Exception {
        PaymentFixtures fixtures = new PaymentFixtures(jdbc);
        String email = Visitor.uniqueEmail("bpu-journey");
        new Visitor(port, mvc).registerAndVerify("Wulan Penjahit", email, PASSWORD);
        PaymentFixtures.TestMember wulan = fixtures.member(fixtures.accountId(email), email, "Wulan Penjahit");
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Jakarta")));
        Period month = Period.of(today);
        informalWorkers.enrol(wulan.id(), Rupiah.of(2_000_000), Set.of(Program.JHT), month);
        billing.run(month, EnumSet.of(Category.BPU), clock.instant(), p -> { });

        Page page = signIn(email, 360, 740);
        page.navigate(url("/pembayaran"));
        assertThat(page.locator("h1")).hasText("Pembayaran iuran");
        String amount = page.locator("#due-heading + p.lead strong").textContent().strip();
        assertThat(amount).matches("Rp [1-9][0-9.]*");
        String va = DIGITS.matcher(page.locator("section[aria-labelledby=how-heading] summary strong").first()
                .textContent()).replaceAll("");
        assertThat(va).endsWith(wulan.customerNumber());
        assertThat(page.locator("#history-heading + p")).hasText("Belum ada pembayaran.");
        Chromium.screenshot(page, "payment-due-id-360");
        noHorizontalScroll(page, 360);

        // The demo bank pays exactly what the page shows, signed as a bank signs (inquiry, then payment).
        Command simulator = commands.stream().filter(c -> c.name().equals("bank-sim")).findFirst().orElseThrow();
        StringWriter paid = new StringWriter();
        int code = simulator.run(List.of("pay", "--va", va, "--amount", DIGITS.matcher(amount).replaceAll(""),
                "--url", "http://localhost:" + port), new PrintWriter(paid, true));
        assertThat(code).as(paid.toString()).isZero();
        assertThat(paid.toString()).contains("payment: HTTP 200 2002500");

        page.reload();
        assertThat(page.locator("#due-heading + p.lead strong")).hasText("Rp 0");
        assertThat(page.locator("main")).containsText("Tidak ada yang harus dibayar saat ini.");
        assertThat(page.locator("section[aria-labelledby=history-heading] li a"))
                .hasText(Pattern.compile("Rp [0-9.]+ · Virtual account$"));
        assertThat(page.locator("section[aria-labelledby=history-heading] li a")).containsText(amount);
        Chromium.screenshot(page, "payment-settled-id-360");
        noHorizontalScroll(page, 360);

        // The portal says so too: the navigation counts the unread notices in words, not by colour alone (the
        // notices come from event listeners just after the payment's commit).
        Locator badge = page.locator("#nav-notices .badge");
        for (int i = 0; i < 40 && !(badge.count() == 1 && badge.textContent().strip().equals("2")); i++) {
            page.waitForTimeout(250);
            page.reload();
        }
        assertThat(badge).hasText("2");
        assertThat(page.locator("#nav-notices")).hasText("Pemberitahuan 2 belum dibaca");
        Chromium.screenshot(page, "notices-badge-id-360");
        page.locator("#nav-notices").click();
        assertThat(page).hasURL(url("/pemberitahuan"));
        assertThat(page.locator("h1")).hasText("Pemberitahuan");
        assertThat(page.locator(".notice-list li")).hasCount(2);
        assertThat(page.locator(".notice-list li.notice-unread .notice-new")).hasCount(2);
        assertThat(page.locator(".notice-list")).containsText("Pembayaran sebesar " + amount
                + " untuk Wulan Penjahit telah kami terima pada");
        assertThat(page.locator(".notice-list")).containsText("Tagihan iuran " + monthName(month)
                + " atas nama Wulan Penjahit telah lunas sebesar " + amount + ".");
        assertThat(badge).hasCount(0);
        Chromium.screenshot(page, "notices-list-id-360");
        noHorizontalScroll(page, 360);
        page.locator(".notice-list li a:has-text('Pembayaran sebesar')").click();
        assertThat(page).hasURL(Pattern.compile("/pembayaran/[0-9]+$"));
        assertThat(chromium.consoleErrors).as("errors in the browser console").isEmpty();
    }

    @Test
    void anOfficerFindsAnEmployerTakesCashAndDownloadsTheReceipt() throws Exception {
        PaymentFixtures fixtures = new PaymentFixtures(jdbc);
        PaymentFixtures.TestEmployer employer = fixtures.employer(1);
        fixtures.employ(employer.id(), LocalDate.of(2023, 6, 1), LocalDate.of(2023, 6, 30), 5_000_000);
        billing.run(Period.of(2023, 6), EnumSet.of(Category.PU), PaymentFixtures.at(LocalDate.of(2023, 7, 1), 1),
                p -> { });
        String email = Visitor.uniqueEmail("cashier-journey");
        new Visitor(port, mvc).registerAndVerify("Sari Kasir", email, PASSWORD);
        jdbc.sql("UPDATE account.account SET role = 'OFFICER' WHERE id = :id")
                .param("id", fixtures.accountId(email)).update();

        Page officer = signIn(email, 1280, 900);
        officer.navigate(url("/petugas/pembayaran"));
        officer.locator("#cari").fill(employer.npp().value());
        officer.locator("form:has(#cari) button[type=submit]").click();
        assertThat(officer).hasURL(url("/petugas/pembayaran/pembayar/" + employer.customerNumber()));
        assertThat(officer.locator("main")).containsText("PT Bayar " + employer.npp().value());
        String owed = officer.locator("main ul li").first().textContent();
        String amount = owed.substring(owed.lastIndexOf("Rp "));
        Chromium.screenshot(officer, "payment-branch-payer-1280");

        officer.locator("#amount").fill(amount.substring(3));
        officer.locator("form:has(#amount) button[type=submit]").click();
        assertThat(officer).hasURL(Pattern.compile("/petugas/pembayaran/[0-9]+$"));
        assertThat(officer.locator("main")).containsText(amount);
        String receiptNumber = officer.locator("dt:has-text('Nomor kuitansi') + dd").textContent().strip();
        assertThat(receiptNumber).matches("KW-20[0-9]{2}-[0-9]{6}");
        Chromium.screenshot(officer, "payment-branch-receipt-1280");

        Download download = officer.waitForDownload(() -> officer.locator("a[href$='/kuitansi.pdf']").click());
        assertThat(download.failure()).isNull();
        assertThat(download.suggestedFilename()).isEqualTo(receiptNumber + ".pdf");
        byte[] pdf = Files.readAllBytes(download.path());
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains(receiptNumber).contains(amount)
                    .contains("Kuitansi");
        }

        officer.navigate(url("/petugas/pembayaran/pembayar/" + employer.customerNumber()));
        assertThat(officer.locator("main")).containsText("Tunai di kantor cabang");
        assertThat(chromium.consoleErrors).as("errors in the browser console").isEmpty();
    }

    private Page signIn(String email, int width, int height) {
        Page page = chromium.newPage(width, height);
        page.navigate(url("/masuk?lang=id"));
        page.getByLabel("Alamat surel").fill(email);
        page.getByLabel("Kata sandi", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.locator("#sign-in-form button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/masuk"));
        return page;
    }

    private static String monthName(Period month) {
        return month.firstDay().format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy",
                java.util.Locale.forLanguageTag("id")));
    }

    private static void noHorizontalScroll(Page page, int width) {
        int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertThat(scrollWidth).isLessThanOrEqualTo(width);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
