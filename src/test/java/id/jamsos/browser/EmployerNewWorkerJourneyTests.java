package id.jamsos.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import id.jamsos.account.Role;
import id.jamsos.account.internal.StaffAccounts;
import id.jamsos.common.EmailAddress;
import id.jamsos.common.MobileNumber;
import id.jamsos.common.PersonName;
import id.jamsos.employer.internal.Actor;
import id.jamsos.employer.internal.Employers;
import id.jamsos.platform.PersonalData;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An employer's administrator, on a 360-px phone, registers a new worker who has no KPJ card yet: first without the
 * name (refused with the reason, the typed values kept), then with name and date of birth; the worker's page shows
 * the new card's KPJ.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmployerNewWorkerJourneyTests {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalData personalData;
    @Autowired
    StaffAccounts staff;
    @Autowired
    Employers employers;

    @AfterAll
    static void closeBrowser() {
        chromium.close();
    }

    @Test
    void anEmployerRegistersANewWorkerOnAPhone() {
        long employer = jdbc.sql("""
                        INSERT INTO employer.employer (npp, name, address, risk_class, created_at)
                        VALUES (:npp, 'PT Peramban Baru', 'Jl. Merdeka 1, Bandung', 1, now()) RETURNING id""")
                .param("npp", "%08d".formatted(new SecureRandom().nextInt(100_000_000))).query(Long.class).single();
        String email = "admin-" + UUID.randomUUID() + "@example.id";
        String password = "PemberiKerja-Peramban-" + UUID.randomUUID();
        staff.createWithPassword(PersonName.parse("Dewi Lestari"), EmailAddress.parse(email),
                MobileNumber.parse("081234500003"), Role.EMPLOYER_ADMIN, password, "test");
        employers.linkAdministrator(new Actor(UUID.randomUUID(), "test", null), employer, email);
        // A woman born on 9 May 1998 in Surabaya: the NIK's day is 9 + 40.
        String nik = "357801490598" + "%04d".formatted(1 + new SecureRandom().nextInt(9999));

        Page phone = chromium.newPage(360, 740);
        phone.navigate(url("/masuk?lang=id"));
        phone.getByLabel("Alamat surel").fill(email);
        phone.getByLabel("Kata sandi", new Page.GetByLabelOptions().setExact(true)).fill(password);
        phone.locator("#sign-in-form button[type=submit]").click();
        assertThat(phone).not().hasURL(Pattern.compile("/masuk"));

        phone.navigate(url("/pemberi-kerja/pekerja"));
        phone.getByLabel("Nomor KPJ atau NIK").fill(nik);
        phone.getByLabel("Tanggal mulai bekerja").fill(LocalDate.now(JAKARTA).toString());
        phone.locator("#wage").fill("5.200.000");
        phone.locator("#jobTitle").fill("Penjahit");
        phone.locator("form[action$='/pemberi-kerja/pekerja'] button[type=submit]").click();
        assertThat(phone.locator("main")).containsText("Belum ada kartu terdaftar untuk NIK ini");
        assertThat(phone.getByLabel("Nomor KPJ atau NIK")).hasValue(nik);

        phone.getByLabel("Nama lengkap (sesuai KTP)").fill("Siti Aminah");
        phone.getByLabel("Tanggal lahir").fill("1998-05-09");
        Chromium.screenshot(phone, "employer-new-worker-360");
        phone.locator("form[action$='/pemberi-kerja/pekerja'] button[type=submit]").click();
        assertThat(phone.locator("[role=status]")).containsText("Pekerja terdaftar.");
        String kpj = jdbc.sql("SELECT kpj FROM membership.member WHERE nik_hash = :h AND origin = 'EMPLOYER'")
                .param("h", personalData.lookupHash(nik)).query(String.class).single();
        assertThat(phone.locator("main")).containsText(kpj);
        assertThat(phone.locator("main")).containsText("Siti Aminah");
        Chromium.screenshot(phone, "employer-new-worker-done-360");
        int scrollWidth = ((Number) phone.evaluate("document.documentElement.scrollWidth")).intValue();
        assertThat(scrollWidth).isLessThanOrEqualTo(360);
        assertThat(chromium.consoleErrors.stream()
                // the refused first attempt answers 400, as a refused form does
                .filter(e -> !e.matches("400 http://localhost:[0-9]+/pemberi-kerja/pekerja")
                        && !e.equals("Failed to load resource: the server responded with a status of 400 ()"))
                .toList()).as("errors in the browser console").isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
