package id.jamsos.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static id.jamsos.reactivation.ReactivationFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import id.jamsos.account.Visitor;
import id.jamsos.common.Period;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.InformalWorkers;
import id.jamsos.contribution.internal.BillingRun;
import id.jamsos.membership.LapseReason;
import id.jamsos.membership.MemberCategory;
import id.jamsos.membership.MemberStatus;
import id.jamsos.membership.Members;
import id.jamsos.platform.PersonalData;
import id.jamsos.reactivation.ReactivationFixtures;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.UUID;
import java.util.regex.Pattern;
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
 * A wage earner whose employment ended comes back (issue 7): an officer on a desktop registers the new employer on
 * the member's page (the old employer's unpaid month shown for information) and the member, on a 360-px phone, sees
 * the reactivation "new employment at NPP …" in their history; another lapsed wage earner, on a phone, chooses to
 * continue as an informal worker (BPU) and is shown the bill to pay by virtual account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ReactivationSegmentJourneyTests {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    static final String OFFICER_PASSWORD = "Petugas-Segmen-Peramban-2026";
    static final String MEMBER_PASSWORD = "bubur ayam hangat di pagi hari";

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
    Members members;

    @AfterAll
    static void closeBrowser() {
        chromium.close();
    }

    @Test
    void anOfficerRegistersTheNewEmployerAndTheMemberSeesTheNewEmploymentInTheHistory() throws Exception {
        ReactivationFixtures fixtures = new ReactivationFixtures(jdbc, personalData, informalWorkers);
        String memberEmail = Visitor.uniqueEmail("segment-journey");
        new Visitor(port, mvc).registerAndVerify("Budi Pindah", memberEmail, MEMBER_PASSWORD);
        UUID budi = lapsedWageEarner(fixtures, memberEmail);
        long newEmployer = fixtures.employer("PT Baru Peramban");
        String npp = jdbc.sql("SELECT npp FROM employer.employer WHERE id = :id").param("id", newEmployer)
                .query(String.class).single();
        String officerEmail = Visitor.uniqueEmail("officer-segment-journey");
        new Visitor(port, mvc).registerAndVerify("Sari Petugas", officerEmail, OFFICER_PASSWORD);
        jdbc.sql("UPDATE account.account SET role = 'OFFICER' WHERE id = :id")
                .param("id", fixtures.accountId(officerEmail)).update();

        Page officer = signedIn(officerEmail, OFFICER_PASSWORD, 1280, 900);
        officer.navigate(url("/petugas/reaktivasi/" + budi));
        assertThat(officer.locator("main")).containsText("Tunggakan pemberi kerja lama (sebagai informasi)");
        assertThat(officer.locator("#former-employer-arrears")).containsText("PT Lama Peramban");
        assertThat(officer.locator("#new-employer-form")).hasCount(0);

        updateDetail(officer, "#address", "Jl. Asia Afrika 9, Bandung", "#address-reason", "Pindah kos");
        updateDetail(officer, "#phone", "0812 5555 4444", "#phone-reason", "Nomor baru");
        officer.locator("#work").selectOption("NEW_EMPLOYER");
        officer.locator("#work-reason").fill("Diterima di PT Baru Peramban");
        officer.locator("form:has(#work) button[type=submit]").click();
        assertThat(officer.locator("[role=status]")).containsText("Perubahan data disimpan");
        officer.locator("#doc-ktp").check();
        officer.locator("#doc-kk").check();
        officer.locator("#doc-card").check();
        officer.locator("form[action$='/dokumen'] button[type=submit]").click();
        assertThat(officer.locator("[role=status]")).containsText("Dokumen dicatat.");

        LocalDate today = LocalDate.now(JAKARTA);
        officer.locator("#new-npp").fill(npp);
        officer.locator("#new-start").fill(today.toString());
        officer.locator("#new-wage").fill("6.500.000");
        officer.locator("#new-job").fill("Juru masak");
        Chromium.screenshot(officer, "reactivation-new-employer-form-1280");
        officer.locator("#new-employer-form button[type=submit]").click();
        assertThat(officer.locator("[role=status]")).containsText("Kepesertaan aktif kembali.");
        assertThat(officer.locator("main")).containsText("Pekerjaan baru di pemberi kerja NPP " + npp);
        assertThat(officer.locator("main")).containsText("PT Baru Peramban (NPP " + npp + ")");
        Chromium.screenshot(officer, "reactivation-new-employer-done-1280");
        assertThat(members.byId(budi).orElseThrow().status()).isEqualTo(MemberStatus.ACTIVE);

        Page phone = signedIn(memberEmail, MEMBER_PASSWORD, 360, 740);
        phone.navigate(url("/kepesertaan/reaktivasi"));
        assertThat(phone.locator("main")).containsText("Kepesertaan Anda aktif.");
        assertThat(phone.locator("#status-history-list li").nth(1))
                .containsText("Pekerjaan baru di pemberi kerja NPP " + npp);
        Chromium.screenshot(phone, "reactivation-new-employer-member-360");
        noHorizontalScroll(phone, 360);
        assertThat(unexpectedConsoleErrors()).as("errors in the browser console").isEmpty();
    }

    @Test
    void aLapsedWageEarnerChoosesOnAPhoneToContinueAsAnInformalWorker() throws Exception {
        ReactivationFixtures fixtures = new ReactivationFixtures(jdbc, personalData, informalWorkers);
        String memberEmail = Visitor.uniqueEmail("segment-phone");
        new Visitor(port, mvc).registerAndVerify("Tono Ojek", memberEmail, MEMBER_PASSWORD);
        UUID tono = lapsedWageEarner(fixtures, memberEmail);

        Page phone = signedIn(memberEmail, MEMBER_PASSWORD, 360, 740);
        phone.navigate(url("/kepesertaan/reaktivasi"));
        assertThat(phone.locator("#informal-form")).isVisible();
        noHorizontalScroll(phone, 360);
        phone.locator("#informal-occupation").fill("Pengemudi ojek");
        phone.locator("#informal-location").fill("Depok");
        phone.locator("#informal-income").fill("50.000");
        phone.locator("#informal-form button[type=submit]").click();
        assertThat(phone.locator("[role=alert]")).containsText("Pilih penghasilan yang dilaporkan antara");
        assertThat(phone.locator("#informal-occupation")).hasValue("Pengemudi ojek");
        Chromium.screenshot(phone, "reactivation-informal-refused-360");

        phone.locator("#informal-income").fill("3.000.000");
        phone.locator("#informal-jht").check();
        phone.locator("#informal-form button[type=submit]").click();
        assertThat(phone.locator("[role=status]")).containsText("Anda sekarang peserta BPU.");
        assertThat(phone.locator("main a.button[href='/pembayaran']")).isVisible();
        assertThat(phone.locator("#informal-form")).hasCount(0);
        Chromium.screenshot(phone, "reactivation-informal-chosen-360");
        noHorizontalScroll(phone, 360);
        assertThat(members.profile(tono).orElseThrow().category()).isEqualTo(MemberCategory.BPU);
        assertThat(unexpectedConsoleErrors()).as("errors in the browser console").isEmpty();
    }

    /** Employed by an old employer until two months ago, whose last month is billed and unpaid; lapsed then. */
    private UUID lapsedWageEarner(ReactivationFixtures fixtures, String email) {
        Period lastMonth = Period.of(LocalDate.now(JAKARTA)).plusMonths(-2);
        long oldEmployer = fixtures.employer("PT Lama Peramban");
        UUID member = fixtures.wageEarner(fixtures.accountId(email), email, "Budi Pindah", oldEmployer,
                lastMonth.plusMonths(-3).firstDay(), lastMonth.lastDay());
        billing.run(lastMonth, EnumSet.of(Category.PU), at(lastMonth.next().firstDay(), 1), p -> { });
        assertThat(members.lapse(member, LapseReason.EMPLOYMENT_ENDED, lastMonth.lastDay())).isTrue();
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

    /** The refused income of the phone journey answers 400 on purpose; anything else in the console is a fault. */
    private static java.util.List<String> unexpectedConsoleErrors() {
        return chromium.consoleErrors.stream()
                .filter(e -> !e.matches("400 http://localhost:[0-9]+/kepesertaan/reaktivasi/bpu")
                        && !e.equals("Failed to load resource: the server responded with a status of 400 ()"))
                .toList();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
