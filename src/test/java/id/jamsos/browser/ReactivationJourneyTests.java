package id.jamsos.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static id.jamsos.reactivation.ReactivationFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import id.jamsos.account.Visitor;
import id.jamsos.common.Period;
import id.jamsos.contribution.Bills;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.InformalWorkers;
import id.jamsos.contribution.Payer;
import id.jamsos.contribution.internal.BillingRun;
import id.jamsos.contribution.internal.BpuLapses;
import id.jamsos.membership.DetailChange;
import id.jamsos.membership.DocumentStepTests;
import id.jamsos.membership.MemberStatus;
import id.jamsos.membership.Members;
import id.jamsos.platform.PersonalData;
import id.jamsos.reactivation.ReactivationFixtures;
import id.jamsos.reactivation.ReactivationFixtures.TestMember;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
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
 * Reactivation at a branch (issue 7): an officer on a desktop finds a lapsed informal worker by NIK, updates the
 * domicile address, the active phone and the employment status (each with a reason), records the documents brought
 * and attaches a KTP scan, prints the quote as a PDF, takes the arrears in cash at the counter page and reactivates.
 * The member, in a second
 * browser on a 360-px phone, then sees the membership ACTIVE and a history holding the lapse, the reactivation and
 * every change to their data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ReactivationJourneyTests {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    static final String OFFICER_PASSWORD = "Petugas-Reaktivasi-Peramban-2026";
    static final String MEMBER_PASSWORD = "nasi uduk hangat di pagi hari";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;
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
    Members members;

    @AfterAll
    static void closeBrowser() {
        chromium.close();
    }

    @Test
    void anOfficerReactivatesALapsedMemberWhoThenSeesTheMembershipActiveWithItsHistory() throws Exception {
        ReactivationFixtures fixtures = new ReactivationFixtures(jdbc, personalData, informalWorkers);
        String memberEmail = Visitor.uniqueEmail("react-journey");
        new Visitor(port, mvc).registerAndVerify("Rina Reaktif", memberEmail, MEMBER_PASSWORD);
        TestMember rina = lapsedWithThreeUnpaidMonths(fixtures, memberEmail);
        String officerEmail = Visitor.uniqueEmail("officer-journey");
        Visitor officerAccount = new Visitor(port, mvc);
        officerAccount.registerAndVerify("Sari Petugas", officerEmail, OFFICER_PASSWORD);
        jdbc.sql("UPDATE account.account SET role = 'OFFICER' WHERE id = :id")
                .param("id", fixtures.accountId(officerEmail)).update();

        // The officer, on a desktop, finds Rina by NIK.
        Page officer = signedIn(officerEmail, OFFICER_PASSWORD, 1280, 900);
        officer.locator("a[href='/petugas/reaktivasi']").first().click();
        officer.locator("#nik").fill(rina.nik().value());
        officer.locator("form[action='/petugas/reaktivasi'] button[type=submit]").click();
        String memberPage = "/petugas/reaktivasi/" + rina.id();
        assertThat(officer).hasURL(url(memberPage));
        assertThat(officer.locator("main")).containsText(rina.nik().masked());
        assertThat(officer.locator("main")).containsText("Tidak aktif");
        assertThat(officer.locator("main")).containsText("Tunggakan belum lunas.");
        assertThat(officer.locator("form[action$='/aktifkan']")).hasCount(0);
        Chromium.screenshot(officer, "reactivation-officer-member-1280");

        // Data updated, each change with its reason; documents recorded.
        updateDetail(officer, "#address", "Jl. Cihampelas 7, Bandung", "#address-reason", "Pindah rumah");
        updateDetail(officer, "#phone", "0812 7777 6666", "#phone-reason", "Nomor lama hilang");
        officer.locator("#work").selectOption("INFORMAL");
        officer.locator("#work-reason").fill("Berdagang di pasar");
        officer.locator("form:has(#work) button[type=submit]").click();
        assertThat(officer.locator("[role=status]")).containsText("Perubahan data disimpan");
        officer.locator("#doc-ktp").check();
        officer.locator("#doc-kk").check();
        officer.locator("#doc-card").check();
        officer.locator("form[action$='/dokumen'] button[type=submit]").click();
        assertThat(officer.locator("[role=status]")).containsText("Dokumen dicatat.");
        assertThat(officer.locator("#doc-card")).isChecked();
        officer.locator("#scan-kind").selectOption("KTP");
        officer.setInputFiles("#scan-file", new FilePayload("ktp.png", "image/png", DocumentStepTests.image("png")));
        officer.locator("form:has(#scan-file) button[type=submit]").click();
        assertThat(officer.locator("[role=status]")).containsText("Pindaian dilampirkan.");
        assertThat(officer.locator("#scans")).containsText("KTP · image/png");

        // The quote printed: the PDF the link serves, in the officer's session.
        LocalDate today = LocalDate.now(JAKARTA);
        String total = bills.arrears(Payer.member(rina.id()), today).total().formatted();
        String pdfLink = officer.locator("a[href$='/penawaran.pdf']").getAttribute("href");
        APIResponse pdf = officer.request().get(url(pdfLink));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Penawaran reaktivasi")
                    .contains(rina.kpj().value()).contains(total);
        }

        // Cash at the counter for the amount due, reached from the member's page.
        officer.locator("a[href^='/petugas/pembayaran?cari=']").click();
        assertThat(officer).hasURL(url("/petugas/pembayaran/pembayar/" + rina.customerNumber()));
        assertThat(officer.locator("main .lead strong")).hasText(total);
        officer.locator("#amount").fill(total.replace("Rp", "").strip());
        Chromium.screenshot(officer, "reactivation-cash-1280");
        officer.locator("form[action$='/tunai'] button[type=submit]").click();
        assertThat(officer).hasURL(Pattern.compile("/petugas/pembayaran/[0-9]+$"));
        assertThat(officer.locator("main")).containsText(total);

        // Reactivation, now that the arrears are settled.
        officer.navigate(url(memberPage));
        assertThat(officer.locator("main")).containsText("Tunggakan sudah lunas.");
        officer.locator("form[action$='/aktifkan'] button[type=submit]").click();
        assertThat(officer.locator("[role=status]")).containsText("Kepesertaan aktif kembali.");
        assertThat(officer.locator("main")).containsText("Diaktifkan kembali di kantor cabang");
        assertThat(officer.locator("main")).containsText("Jl. Cihampelas 7, Bandung");
        Chromium.screenshot(officer, "reactivation-officer-done-1280");
        assertThat(members.byId(rina.id()).orElseThrow().status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(members.detailHistory(rina.id())).extracting(DetailChange::byActor).containsOnly(officerEmail);

        // Rina, on her phone: active, and the history shows the lapse, the reactivation and every change.
        Page phone = signedIn(memberEmail, MEMBER_PASSWORD, 360, 740);
        phone.navigate(url("/kepesertaan"));
        assertThat(phone.locator("#kpj")).hasText(rina.kpj().value());
        assertThat(phone.locator(".member-card")).containsText("Aktif");
        assertThat(phone.locator("#reactivate-link")).hasCount(0);
        Chromium.screenshot(phone, "reactivation-member-card-id-360");
        noHorizontalScroll(phone, 360);

        phone.navigate(url("/kepesertaan/reaktivasi"));
        assertThat(phone.locator("main")).containsText("Kepesertaan Anda aktif.");
        assertThat(phone.locator("#status-history-list li")).hasCount(2);
        assertThat(phone.locator("#status-history-list li").nth(0)).containsText("Tidak aktif");
        assertThat(phone.locator("#status-history-list li").nth(0)).containsText("Iuran tiga bulan belum dibayar");
        assertThat(phone.locator("#status-history-list li").nth(1)).containsText("Diaktifkan kembali di kantor cabang");
        assertThat(phone.locator("#data-history-list li")).hasCount(3);
        assertThat(phone.locator("#data-history-list")).containsText("Jl. Cihampelas 7, Bandung · Pindah rumah");
        assertThat(phone.locator("#data-history-list")).containsText("+6281277776666 · Nomor lama hilang");
        assertThat(phone.locator("#data-history-list")).containsText("Pekerja informal (BPU) · Berdagang di pasar");
        assertThat(phone.locator("main")).not().containsText(officerEmail);
        Chromium.screenshot(phone, "reactivation-member-history-id-360");
        noHorizontalScroll(phone, 360);
        assertThat(chromium.consoleErrors).as("errors in the browser console").isEmpty();
    }

    /** Enrolled three months ago, billed each month on the 1st, never paid, lapsed today by the nightly job. */
    private TestMember lapsedWithThreeUnpaidMonths(ReactivationFixtures fixtures, String email) {
        LocalDate today = LocalDate.now(JAKARTA);
        Period first = Period.of(today).plusMonths(-3);
        TestMember member = fixtures.informalWorker(fixtures.accountId(email), email, first, 2_500_000);
        for (Period month = first; month.isBefore(Period.of(today)); month = month.next()) {
            billing.run(month, EnumSet.of(Category.BPU), at(month.firstDay(), 1), p -> { });
        }
        lapses.lapse(today);
        assertThat(members.byId(member.id()).orElseThrow().status()).isEqualTo(MemberStatus.NON_ACTIVE);
        assertThat(bills.arrears(Payer.member(member.id()), today).bills()).hasSize(3);
        return member;
    }

    private Page signedIn(String email, String password, int width, int height) {
        Page page = chromium.newPage(width, height);
        page.navigate(url("/masuk?lang=id"));
        page.getByLabel("Alamat surel").fill(email);
        page.getByLabel("Kata sandi", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.locator("#sign-in-form button[type=submit]").click();
        assertThat(page).not().hasURL(Pattern.compile("/masuk"));
        return page;
    }

    private static void updateDetail(Page page, String field, String value, String reasonField, String reason) {
        page.locator(field).fill(value);
        page.locator(reasonField).fill(reason);
        page.locator("form:has(" + field + ") button[type=submit]").click();
        assertThat(page.locator("[role=status]")).containsText("Perubahan data disimpan");
    }

    private static void noHorizontalScroll(Page page, int width) {
        int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertThat(scrollWidth).isLessThanOrEqualTo(width);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
