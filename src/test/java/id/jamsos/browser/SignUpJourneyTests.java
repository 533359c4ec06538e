package id.jamsos.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import id.jamsos.TestMail;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A worker's first visit, in a real browser: the home page in Indonesian, the switch to English, registration with
 * the proof-of-work challenge solved by the browser, the verification link from the e-mail, sign-in, the dashboard,
 * sign-out. And every public page fits a 360-pixel-wide phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignUpJourneyTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @AfterAll
    static void closeBrowser() {
        chromium.close();
    }

    /** What the journey reads and types, in one language. */
    record Words(String lang, String menu, String register, String fullName, String email, String mobile,
                 String password, String checkMail, String verified) {
    }

    static final Words ENGLISH = new Words("en", "Main menu", "Register", "Full name", "E-mail address",
            "Mobile number", "Password", "Check your e-mail", "E-mail verified");
    static final Words INDONESIAN = new Words("id", "Menu utama", "Daftar", "Nama lengkap", "Alamat surel",
            "Nomor ponsel", "Kata sandi", "Periksa surel Anda", "Surel terverifikasi");

    @Test
    void aWorkerSwitchesToEnglishRegistersVerifiesTheEmailSignsInAndSignsOut() {
        Page page = chromium.newPage(1280, 900);
        page.navigate(url("/"));
        assertThat(page.locator("html")).hasAttribute("lang", "id");
        assertThat(page.locator("h1")).containsText("Perlindungan untuk setiap pekerja");
        Chromium.screenshot(page, "home-id-1280");

        page.locator("a[hreflang=en]").click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("h1")).containsText("Protection for every worker");

        registerVerifySignInAndOut(page, ENGLISH, "Rina Wulandari");
    }

    @Test
    void aWorkerDoesTheSameInIndonesianOnAPhone() {
        Page page = chromium.newPage(360, 740);
        page.navigate(url("/"));
        assertThat(page.locator("html")).hasAttribute("lang", "id");

        registerVerifySignInAndOut(page, INDONESIAN, "Bambang Sutrisno");
    }

    private void registerVerifySignInAndOut(Page page, Words words, String name) {
        String email = "browser-" + UUID.randomUUID() + "@example.id";
        String password = "kopi tubruk di warung pojok " + UUID.randomUUID().toString().substring(0, 4);
        String size = page.viewportSize().width + "";

        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName(words.menu()))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(words.register()).setExact(true))
                .click();
        assertThat(page).hasURL(url("/daftar"));
        assertThat(page.locator("html")).hasAttribute("lang", words.lang());
        page.getByLabel(words.fullName()).fill(name);
        page.getByLabel(words.email()).fill(email);
        page.getByLabel(words.mobile()).fill("0812-3456-7890");
        page.getByLabel(words.password(), new Page.GetByLabelOptions().setExact(true)).fill(password);
        Chromium.screenshot(page, "register-" + words.lang() + "-" + size);
        page.locator("#registration-form button[type=submit]").click();

        // The widget solves the proof-of-work challenge in a web worker, then sends the form.
        assertThat(page.locator("h1")).hasText(words.checkMail(),
                new LocatorAssertions.HasTextOptions().setTimeout(30_000));

        MimeMessage mail = TestMail.awaitMessagesTo(email, 1).get(0);
        page.navigate(onThisServer(TestMail.linkIn(mail, "/verifikasi")));
        assertThat(page.locator("h1")).hasText(words.verified());

        page.navigate(url("/masuk"));
        page.getByLabel(words.email()).fill(email);
        page.getByLabel(words.password(), new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.locator("#sign-in-form button[type=submit]").click();
        assertThat(page).hasURL(url("/akun"));
        assertThat(page.locator("h1")).hasText(name);
        Chromium.screenshot(page, "dashboard-" + words.lang() + "-" + size);

        page.locator("button#sign-out").click();
        assertThat(page).hasURL(url("/masuk?keluar"));
        assertThat(page.locator("[role=status]")).isVisible();
        assertThat(page.locator("button#sign-out")).hasCount(0);
        page.navigate(url("/akun"));
        assertThat(page).hasURL(url("/masuk"));

        assertThat(chromium.consoleErrors).as("errors in the browser console").isEmpty();
    }

    @Test
    void publicPagesFitAPhoneThreeHundredSixtyPixelsWide() {
        Page page = chromium.newPage(360, 740);
        for (String path : new String[] {"/", "/daftar", "/masuk", "/lupa-sandi"}) {
            for (String lang : new String[] {"id", "en"}) {
                page.navigate(url(path + "?lang=" + lang));
                int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
                assertThat(width).as("page width of %s in %s", path, lang).isLessThanOrEqualTo(360);
                Chromium.screenshot(page, (path.equals("/") ? "home" : path.substring(1)) + "-" + lang + "-360");
            }
        }
        assertThat(chromium.consoleErrors).as("errors in the browser console").isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Links in e-mails carry the configured public address; the test server listens on a random port. */
    private String onThisServer(String link) {
        URI uri = URI.create(link);
        return url(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }
}
