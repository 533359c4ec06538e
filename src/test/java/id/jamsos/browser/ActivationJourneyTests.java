package id.jamsos.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import id.jamsos.account.Visitor;
import id.jamsos.membership.DocumentStepTests;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A new member applies for membership (identity with the address chosen from cascading lists, work with the monthly
 * contribution, KTP and KK photos, consent, submit, status); an officer in a second browser approves; the member sees
 * the card with category and programs, downloads it as a PDF and opens the QR check page. Once in Indonesian on a
 * 360-px phone as a wage earner, once in English on a desktop as an informal worker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ActivationJourneyTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;

    /** The words a run looks for, in the language of the run. */
    record Language(String code, String email, String password, String identitySaved, String workSaved,
                    String ktpSaved, String consent, String decisionDue, String approved, String category,
                    String active, String verified) {
    }

    static final Language INDONESIAN = new Language("id", "Alamat surel", "Kata sandi", "Data identitas Anda tersimpan",
            "Data pekerjaan Anda tersimpan", "KTP Anda tersimpan", "Saya setuju", "Petugas memutuskan paling lambat",
            "Disetujui", "Penerima upah (PU)", "Aktif", "Kartu ini asli dan kepesertaannya aktif");
    static final Language ENGLISH = new Language("en", "E-mail address", "Password", "Your identity data is saved",
            "Your work details are saved", "Your KTP is saved", "I agree", "An officer decides by",
            "Approved", "Non-wage earner (BPU)", "Active", "This card is genuine and the membership is active");

    @AfterAll
    static void closeBrowser() {
        chromium.close();
    }

    @Test
    void aWageEarnerAppliesInIndonesianOnAPhone() throws Exception {
        Page page = signedIn(INDONESIAN, "Dimas Pratama", 360, 740);
        identity(page, INDONESIAN, "3273 0112 0590 0009", "MALE", "activation-identity-id-360");
        assertThat(page.locator("main")).containsText("327301********09");
        noHorizontalScroll(page, 360);

        page.locator("#to-work").click();
        page.locator("input[name=category][value=PU]").check();
        assertThat(page.locator("#employerName")).isVisible();
        htmxSettled(page);
        page.locator("#employerName").fill("PT Sumber Rejeki");
        page.locator("#jobTitle").fill("Staf gudang");
        page.locator("#startDate").fill("2020-01-06");
        page.locator("#monthlyWage").fill("5.000.000");
        page.locator("#monthlyWage").blur();
        // RULES.md §2 at Rp 5.000.000: the worker's JHT 2 % + JP 1 %; the employer's JKK waits for the risk class.
        assertThat(page.locator("#quote")).containsText("Rp 150.000");
        assertThat(page.locator("#quote")).containsText("menurut kelas risiko pemberi kerja");
        Chromium.screenshot(page, "activation-work-id-360");
        noHorizontalScroll(page, 360);
        page.locator("#save-work").click();
        assertThat(page.locator("[role=status]")).containsText(INDONESIAN.workSaved());

        documentsAndSubmit(page, INDONESIAN, "id-360");
        approve(INDONESIAN, "Dimas Pratama", "3273011205900009", "PU");
        card(page, INDONESIAN, "JHT, JKK, JKM, JP", "id-360");
        noHorizontalScroll(page, 360);
        assertThat(chromium.consoleErrors).as("errors in the browser console").isEmpty();
    }

    @Test
    void anInformalWorkerAppliesInEnglishOnADesktop() throws Exception {
        Page page = signedIn(ENGLISH, "Maya Anggraini", 1280, 900);
        identity(page, ENGLISH, "3273015205900010", "FEMALE", "activation-identity-en-1280");
        assertThat(page.locator("main")).containsText("327301********10");

        page.locator("#to-work").click();
        page.locator("input[name=category][value=BPU]").check();
        assertThat(page.locator("#occupation")).isVisible();
        htmxSettled(page);
        page.locator("#occupation").fill("Tailor");
        page.locator("#workLocation").fill("Home workshop, Coblong");
        page.locator("#declaredIncome").fill("2000000");
        page.locator("#jht").check();
        // RULES.md §3 at Rp 2.000.000: JKK 1 % 20.000 + JKM 6.800 + JHT 2 % 40.000.
        assertThat(page.locator("#quote")).containsText("Rp 66.800");
        assertThat(page.locator("#quote")).not().containsText("Employer's share");
        Chromium.screenshot(page, "activation-work-en-1280");
        page.locator("#save-work").click();
        assertThat(page.locator("[role=status]")).containsText(ENGLISH.workSaved());

        documentsAndSubmit(page, ENGLISH, "en-1280");
        approve(ENGLISH, "Maya Anggraini", "3273015205900010", "BPU");
        card(page, ENGLISH, "JHT, JKK, JKM", "en-1280");
        assertThat(chromium.consoleErrors).as("errors in the browser console").isEmpty();
    }

    private Page signedIn(Language language, String name, int width, int height) throws Exception {
        String email = Visitor.uniqueEmail("activation");
        String password = "pisang goreng hangat di sore hari";
        new Visitor(port, mvc).registerAndVerify(name, email, password);
        Page page = chromium.newPage(width, height);
        page.navigate(url("/masuk?lang=" + language.code()));
        page.getByLabel(language.email()).fill(email);
        page.getByLabel(language.password(), new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.locator("#sign-in-form button[type=submit]").click();
        page.locator("#start-activation").click();
        assertThat(page).hasURL(url("/aktivasi"));
        return page;
    }

    /** Step 1, the address chosen province → regency → district, each list swapped in by htmx after a choice. */
    private void identity(Page page, Language language, String nik, String gender, String screenshot) {
        page.locator("#nik").fill(nik);
        page.locator("#kk").fill("3273011503200012");
        page.locator("#birthPlace").fill("Bandung");
        page.locator("#birthDate").fill("1990-05-12");
        page.locator("input[name=gender][value=" + gender + "]").check();
        page.locator("#motherMaidenName").fill("Siti Aminah");
        page.locator("#province").selectOption("32");
        assertThat(page.locator("#regency option[value='3273']")).hasText("Kota Bandung");
        htmxSettled(page);
        page.locator("#regency").selectOption("3273");
        assertThat(page.locator("#district option[value='327302']")).hasText("Coblong");
        htmxSettled(page);
        page.locator("#district").selectOption("327302");
        htmxSettled(page);
        assertThat(page).hasURL(url("/aktivasi")); // swapped in place, not reloaded
        page.locator("#street").fill("Jl. Dago No. 12");
        page.locator("#rt").fill("3");
        page.locator("#rw").fill("5");
        page.locator("#mobileNumber").fill("0812 3456 7890");
        Chromium.screenshot(page, screenshot);
        page.locator("#save-identity").click();
        assertThat(page.locator("[role=status]")).containsText(language.identitySaved());
    }

    private void documentsAndSubmit(Page page, Language language, String suffix) throws Exception {
        page.locator("#to-documents").click();
        page.setInputFiles("#file-KTP", new FilePayload("ktp.png", "image/png", DocumentStepTests.image("png")));
        page.locator("form:has(#file-KTP) button[type=submit]").click();
        assertThat(page.locator("[role=status]")).containsText(language.ktpSaved());
        page.setInputFiles("#file-KK", new FilePayload("kk.jpg", "image/jpeg", DocumentStepTests.image("jpg")));
        page.locator("form:has(#file-KK) button[type=submit]").click();
        assertThat(page.locator("img.document-preview")).hasCount(2);
        Chromium.screenshot(page, "activation-documents-" + suffix);

        page.locator("#to-review").click();
        assertThat(page.locator("main")).containsText("Coblong");
        assertThat(page.locator("#change-work")).isVisible();
        page.getByLabel(language.consent()).check();
        Chromium.screenshot(page, "activation-review-" + suffix);
        page.locator("#submit-form button[type=submit]").click();
        assertThat(page).hasURL(url("/aktivasi/status"));
        assertThat(page.locator("[role=status]")).containsText(language.decisionDue());
        Chromium.screenshot(page, "activation-status-" + suffix);
    }

    /** An officer, in a second browser on a desktop, finds the application in the filtered queue and approves it. */
    private void approve(Language language, String name, String nik, String category) {
        Page officer = chromium.newPage(1280, 900);
        officer.navigate(url("/masuk?lang=" + language.code()));
        officer.getByLabel(language.email()).fill("petugas@demo.jamsos.test");
        officer.getByLabel(language.password(), new Page.GetByLabelOptions().setExact(true)).fill("Petugas-Demo-Jamsos-2");
        officer.locator("#sign-in-form button[type=submit]").click();
        officer.locator("a[href='/petugas/aktivasi']").first().click();
        officer.locator("#filter-category").selectOption(category);
        officer.locator("#queue-filter button[type=submit]").click();
        assertThat(officer).hasURL(Pattern.compile("category=" + category));
        officer.locator("tr:has-text('" + name + "') button[type=submit]").click();
        assertThat(officer.locator("main")).containsText(nik);
        assertThat(officer.locator("main")).containsText("Kota Bandung");
        assertThat(officer.locator("img.document-preview")).hasCount(2);
        Chromium.screenshot(officer, "verification-application-" + language.code() + "-1280");
        officer.locator("#approve").click();
        assertThat(officer.locator("[role=status]")).containsText(language.approved());
    }

    private void card(Page page, Language language, String programs, String suffix) {
        page.navigate(url("/kepesertaan"));
        assertThat(page.locator("#kpj")).hasText(Pattern.compile("[0-9]{11}"));
        assertThat(page.locator("#card-category")).hasText(language.category());
        assertThat(page.locator("#card-programs")).hasText(programs);
        assertThat(page.locator("main")).containsText(language.active());
        Chromium.screenshot(page, "membership-card-" + suffix);

        Download pdf = page.waitForDownload(() -> page.locator("#card-pdf").click());
        assertThat(pdf.suggestedFilename()).matches("kartu-jamsos-[0-9]{11}\\.pdf");
        assertThat(pdf.failure()).isNull();

        String check = Visitor.pathOf(page.locator("#verify-link").getAttribute("href"));
        page.navigate(url(check));
        assertThat(page.locator("main")).containsText(language.verified());
        Chromium.screenshot(page, "membership-verify-" + suffix);
    }

    /**
     * Waits until htmx has finished a swap (its classes are gone), so the new elements' hx-* attributes are bound
     * before the test, faster than any person, acts on them.
     */
    private static void htmxSettled(Page page) {
        page.waitForFunction("() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')");
    }

    private static void noHorizontalScroll(Page page, int width) {
        int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertThat(scrollWidth).isLessThanOrEqualTo(width);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
