package id.jamsos.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import id.jamsos.account.Visitor;
import id.jamsos.common.Kpj;
import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.Bills;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.InformalWorkers;
import id.jamsos.contribution.Program;
import id.jamsos.contribution.internal.BillingRun;
import id.jamsos.ledger.JhtBalances;
import id.jamsos.payment.PaymentFixtures;
import id.jamsos.platform.Command;
import id.jamsos.platform.PersonalData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
 * The member's JHT in a browser: an informal worker with a year of paid contributions (billed by the billing run,
 * eleven months settled on time, the last one paid through the virtual account by the bank simulator over SNAP) sees
 * on a 360-px phone, in Indonesian, the balance, the chart, the history, and downloads the statement PDF whose text
 * has the closing balance; on a desktop they add the card an employer registered for them and see the projection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class JhtJourneyTests {

    static final String PASSWORD = "Saldo-Jht-Di-Ponsel-2026";
    static final Pattern DIGITS = Pattern.compile("[^0-9]");
    static final long INCOME = 2_000_000; // JHT 2 % = Rp 40.000 a month

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
    Bills bills;
    @Autowired
    InformalWorkers informalWorkers;
    @Autowired
    JhtBalances balances;
    @Autowired
    PersonalData personalData;
    @Autowired
    List<Command> commands;
    @Autowired
    Clock clock;

    @AfterAll
    static void closeBrowser() {
        chromium.close();
    }

    @Test
    void aMemberWithAYearOfContributionsSeesBalanceChartHistoryAndDownloadsTheStatementOnAPhone() throws Exception {
        PaymentFixtures fixtures = new PaymentFixtures(jdbc);
        String email = Visitor.uniqueEmail("jht-journey");
        new Visitor(port, mvc).registerAndVerify("Ayu Lestari", email, PASSWORD);
        PaymentFixtures.TestMember ayu = fixtures.member(fixtures.accountId(email), email, "Ayu Lestari");
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Jakarta")));
        Period first = Period.of(today).plusMonths(-12);
        informalWorkers.enrol(ayu.id(), Rupiah.of(INCOME), Set.of(Program.JHT), first);
        for (int i = 0; i < 12; i++) {
            Period month = first.plusMonths(i);
            billing.run(month, EnumSet.of(Category.BPU), PaymentFixtures.at(month.firstDay(), 1), p -> { });
            if (i < 11) {
                bills.settle(billOf(ayu.id(), month), month.firstDay().plusDays(9), "jht-journey-" + ayu.id() + i);
            }
        }
        awaitBalance(ayu.id(), 11 * 40_000);

        Page phone = signIn(email, 360, 740);
        // The twelfth month through the real path: the VA number and amount on the payment page, paid by the bank.
        phone.navigate(url("/pembayaran"));
        String amount = phone.locator("#due-heading + p.lead strong").textContent().strip();
        assertThat(amount).isEqualTo("Rp 66.800"); // JHT 40,000 + JKK 1 % 20,000 + JKM 6,800 (RULES.md §3)
        String va = DIGITS.matcher(phone.locator("section[aria-labelledby=how-heading] summary strong").first()
                .textContent()).replaceAll("");
        Command simulator = commands.stream().filter(c -> c.name().equals("bank-sim")).findFirst().orElseThrow();
        StringWriter paid = new StringWriter();
        int code = simulator.run(List.of("pay", "--va", va, "--amount", "66800", "--url", "http://localhost:" + port),
                new PrintWriter(paid, true));
        assertThat(code).as(paid.toString()).isZero();
        awaitBalance(ayu.id(), 12 * 40_000);

        phone.navigate(url("/saldo-jht?lang=id"));
        assertThat(phone.locator("h1")).hasText("Saldo JHT");
        assertThat(phone.locator("p.kpj").first()).hasText("Rp 480.000");
        assertThat(phone.locator("figure svg polyline")).isVisible();
        assertThat(phone.locator("figure svg circle")).hasCount(13); // 12 months paid and this month
        // Its labels are readable on the phone (they scale with the SVG): at least 9 px high as drawn.
        double labelHeight = ((Number) phone.locator("figure svg text").first()
                .evaluate("t => t.getBoundingClientRect().height")).doubleValue();
        assertThat(labelHeight).isGreaterThanOrEqualTo(9.0);
        // and none is cut off at the chart's edge (the last month's label ends where the line does).
        Object cut = phone.locator("figure svg").evaluate("s => [...s.querySelectorAll('text')].filter(t =>"
                + " t.getBoundingClientRect().right > s.getBoundingClientRect().right + 0.5).length");
        assertThat(((Number) cut).intValue()).isZero();
        assertThat(phone.locator("table").first()).containsText("Rp 480.000");
        Chromium.screenshot(phone, "jht-balance-id-360");
        noHorizontalScroll(phone, 360);

        phone.locator("a[href^='/saldo-jht/riwayat']").first().click();
        assertThat(phone.locator("h1")).hasText("Riwayat iuran JHT");
        assertThat(phone.locator("table tbody tr")).hasCount(12);
        assertThat(phone.locator("table tbody tr").first()).containsText("Dibayar sendiri (BPU)");
        assertThat(phone.locator("table tbody tr").first()).containsText("Rp 2.000.000");
        assertThat(phone.locator("table tbody tr").first()).containsText("Rp 40.000");
        Chromium.screenshot(phone, "jht-history-id-360");
        noHorizontalScroll(phone, 360);

        int year = today.getYear();
        phone.locator("#laporan-tahun").selectOption(String.valueOf(year));
        Download download = phone.waitForDownload(() -> phone.locator("form[action='/saldo-jht/laporan'] button").click());
        assertThat(download.failure()).isNull();
        assertThat(download.suggestedFilename()).isEqualTo("laporan-jht-" + ayu.kpj().value() + "-" + year + ".pdf");
        byte[] pdf = Files.readAllBytes(download.path());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            // Opening: last year's month; closing: all twelve months, the last paid today.
            String opening = Rupiah.of(first.month().getYear() < year ? 40_000 : 0).formatted();
            assertThat(text).contains("Laporan saldo JHT tahun " + year).contains(ayu.kpj().value())
                    .contains("Saldo awal 1 Januari " + year + " " + opening)
                    .contains("Saldo akhir 31 Desember " + year + " Rp 480.000");
        }

        phone.navigate(url("/saldo-jht/proyeksi"));
        assertThat(phone.locator("h1")).hasText("Proyeksi JHT");
        Chromium.screenshot(phone, "jht-projection-id-360");
        noHorizontalScroll(phone, 360);
        phone.navigate(url("/saldo-jht/kartu"));
        Chromium.screenshot(phone, "jht-cards-id-360");
        noHorizontalScroll(phone, 360);
        assertThat(chromium.consoleErrors).as("errors in the browser console").isEmpty();
    }

    @Test
    void onADesktopAMemberAddsTheCardAnEmployerRegisteredAndSeesTheProjection() throws Exception {
        PaymentFixtures fixtures = new PaymentFixtures(jdbc);
        String email = Visitor.uniqueEmail("jht-desktop");
        new Visitor(port, mvc).registerAndVerify("Bayu Pratama", email, PASSWORD);
        PaymentFixtures.TestMember bayu = fixtures.member(fixtures.accountId(email), email, "Bayu Pratama");
        LocalDate born = LocalDate.of(1988, 4, 21);
        String nik = "3273012104880007";
        byte[] hash = personalData.lookupHash(nik);
        jdbc.sql("UPDATE membership.member SET nik_hash = :h WHERE id = :m").param("h", hash).param("m", bayu.id())
                .update();
        jdbc.sql("UPDATE membership.application SET nik_hash = :h, birth_date = :b WHERE account_id = :a")
                .param("h", hash).param("b", born).param("a", fixtures.accountId(email)).update();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Jakarta")));
        Period month = Period.of(today).previous();
        informalWorkers.enrol(bayu.id(), Rupiah.of(3_500_000), Set.of(Program.JHT), month);
        billing.run(month, EnumSet.of(Category.BPU), PaymentFixtures.at(month.firstDay(), 1), p -> { });
        bills.settle(billOf(bayu.id(), month), month.firstDay().plusDays(5), "jht-desktop-" + bayu.id());
        awaitBalance(bayu.id(), 70_000);
        UUID oldCard = UUID.randomUUID();
        String oldKpj = Kpj.issue(94, 1 + Math.floorMod(oldCard.getLeastSignificantBits(), 99_999_998L)).value();
        jdbc.sql("""
                        INSERT INTO membership.member (id, kpj, nik_hash, full_name, status, activated_on, created_at,
                                                       origin, birth_date, lapsed_on, lapse_reason)
                        VALUES (:id, :kpj, :hash, 'BAYU PRATAMA', 'NON_ACTIVE', '2015-02-01', now(), 'EMPLOYER', :born,
                                '2020-01-31', 'EMPLOYMENT_ENDED')""")
                .param("id", oldCard).param("kpj", oldKpj).param("hash", hash).param("born", born).update();

        Page desktop = signIn(email, 1280, 900);
        desktop.navigate(url("/saldo-jht"));
        assertThat(desktop.locator("p.kpj").first()).hasText("Rp 70.000");
        Chromium.screenshot(desktop, "jht-balance-id-1280");
        desktop.locator("a[href='/saldo-jht/kartu']").first().click();
        desktop.getByLabel("Nomor KPJ").fill(oldKpj);
        desktop.getByLabel("NIK").fill(nik);
        desktop.getByLabel("Tanggal lahir").fill(born.toString());
        Chromium.screenshot(desktop, "jht-cards-id-1280");
        desktop.locator("form[action='/saldo-jht/kartu'] button[type=submit]").click();
        assertThat(desktop).hasURL(url("/saldo-jht?kpj=" + oldKpj));
        assertThat(desktop.locator("[role=status]")).containsText("Kartu KPJ ditambahkan");
        assertThat(desktop.locator("section[aria-labelledby=cards-heading] table")).containsText(oldKpj);
        assertThat(desktop.locator("section[aria-labelledby=cards-heading] tfoot")).containsText("Rp 70.000");
        Chromium.screenshot(desktop, "jht-several-cards-id-1280");

        desktop.navigate(url("/saldo-jht/proyeksi"));
        assertThat(desktop.locator("main")).containsText("Rp 70.000 per bulan");
        desktop.getByLabel("Hasil pengembangan per tahun (%)").fill("16");
        desktop.locator("form[action='/saldo-jht/proyeksi'] button[type=submit]").click();
        assertThat(desktop.locator("[role=alert]")).containsText("Hasil pengembangan harus angka 0 sampai 15");
        desktop.getByLabel("Hasil pengembangan per tahun (%)").fill("5,25");
        desktop.locator("form[action='/saldo-jht/proyeksi'] button[type=submit]").click();
        assertThat(desktop.locator("main")).containsText("5,25%");
        assertThat(desktop.locator("#projection-caption")).isVisible();
        Chromium.screenshot(desktop, "jht-projection-id-1280");
        desktop.navigate(url("/saldo-jht/riwayat?lang=en"));
        Chromium.screenshot(desktop, "jht-history-en-1280");
        // The refused yield above answers 400 on purpose (the page and the browser's own console line about it).
        chromium.consoleErrors.removeIf(e -> e.startsWith("400 ") || e.contains("status of 400"));
        assertThat(chromium.consoleErrors).as("errors in the browser console").isEmpty();
    }

    private long billOf(UUID member, Period period) {
        return jdbc.sql("SELECT id FROM contribution.bill WHERE member_id = :m AND period = :p")
                .param("m", member).param("p", period.toString()).query(Long.class).single();
    }

    private void awaitBalance(UUID member, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline
                && balances.balance(member).map(Rupiah::value).orElse(0L) != expected) {
            Thread.sleep(100);
        }
        assertThat(balances.balance(member)).contains(Rupiah.of(expected));
    }

    private Page signIn(String email, int width, int height) {
        Page page = chromium.newPage(width, height);
        page.navigate(url("/masuk?lang=id"));
        page.getByLabel("Alamat surel").fill(email);
        page.getByLabel("Kata sandi", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.locator("#sign-in-form button[type=submit]").click();
        page.waitForURL(u -> !u.contains("/masuk"));
        return page;
    }

    private static void noHorizontalScroll(Page page, int width) {
        int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertThat(scrollWidth).isLessThanOrEqualTo(width);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
