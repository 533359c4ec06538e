package id.jamsos.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import id.jamsos.membership.DocumentStepTests;
import id.jamsos.account.Visitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A new member on a phone applies for membership (identity, KTP and KK photos, consent, submit, status); an officer
 * in a second browser approves; the member sees the KPJ number.
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

    @AfterAll
    static void closeBrowser() {
        chromium.close();
    }

    @Test
    void aMemberAppliesForMembershipOnAPhone() throws Exception {
        String email = Visitor.uniqueEmail("activation");
        String password = "pisang goreng hangat di sore hari";
        new Visitor(port, mvc).registerAndVerify("Dimas Pratama", email, password);

        Page page = chromium.newPage(360, 740);
        page.navigate(url("/masuk"));
        page.getByLabel("Alamat surel").fill(email);
        page.getByLabel("Kata sandi", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.locator("#sign-in-form button[type=submit]").click();
        page.locator("#start-activation").click();
        assertThat(page).hasURL(url("/aktivasi"));

        page.getByLabel("NIK").fill("3273 0112 0590 0009");
        page.getByLabel("Nomor kartu keluarga").fill("3273011503200012");
        page.getByLabel("Tempat lahir").fill("Bandung");
        page.getByLabel("Tanggal lahir").fill("1990-05-12");
        page.getByLabel("Laki-laki").check();
        page.getByLabel("Nama gadis ibu kandung").fill("Siti Aminah");
        Chromium.screenshot(page, "activation-identity-id-360");
        page.locator("#identity-form button[type=submit]").click();

        assertThat(page.locator("[role=status]")).containsText("Data identitas Anda tersimpan");
        assertThat(page.locator("main")).containsText("327301********09");
        int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertThat(width).isLessThanOrEqualTo(360);
        Chromium.screenshot(page, "activation-saved-id-360");

        page.locator("#to-documents").click();
        page.setInputFiles("#file-KTP", new FilePayload("ktp.png", "image/png", DocumentStepTests.image("png")));
        page.locator("form:has(#file-KTP) button[type=submit]").click();
        assertThat(page.locator("[role=status]")).containsText("KTP Anda tersimpan");
        page.setInputFiles("#file-KK", new FilePayload("kk.jpg", "image/jpeg", DocumentStepTests.image("jpg")));
        page.locator("form:has(#file-KK) button[type=submit]").click();
        assertThat(page.locator("img.document-preview")).hasCount(2);
        Chromium.screenshot(page, "activation-documents-id-360");

        page.locator("#to-review").click();
        page.getByLabel("Saya setuju").check();
        Chromium.screenshot(page, "activation-review-id-360");
        page.locator("#submit-form button[type=submit]").click();
        assertThat(page).hasURL(url("/aktivasi/status"));
        assertThat(page.locator("[role=status]")).containsText("Petugas memutuskan paling lambat");
        Chromium.screenshot(page, "activation-status-id-360");
        width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertThat(width).isLessThanOrEqualTo(360);

        // An officer, in a second browser on a desktop, takes the application from the queue and approves it.
        Page officer = chromium.newPage(1280, 900);
        officer.navigate(url("/masuk"));
        officer.getByLabel("Alamat surel").fill("petugas@demo.jamsos.test");
        officer.getByLabel("Kata sandi", new Page.GetByLabelOptions().setExact(true)).fill("Petugas-Demo-Jamsos-2");
        officer.locator("#sign-in-form button[type=submit]").click();
        officer.locator("a[href='/petugas/aktivasi']").first().click();
        officer.locator("tr:has-text('Dimas Pratama') button[type=submit]").click();
        assertThat(officer.locator("main")).containsText("3273011205900009");
        assertThat(officer.locator("img.document-preview")).hasCount(2);
        Chromium.screenshot(officer, "verification-application-id-1280");
        officer.locator("#approve").click();
        assertThat(officer.locator("[role=status]")).containsText("Disetujui");

        page.navigate(url("/kepesertaan"));
        assertThat(page.locator("#kpj")).hasText(java.util.regex.Pattern.compile("[0-9]{11}"));
        assertThat(page.locator("main")).containsText("Aktif");
        Chromium.screenshot(page, "membership-card-id-360");
        assertThat(chromium.consoleErrors).as("errors in the browser console").isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
