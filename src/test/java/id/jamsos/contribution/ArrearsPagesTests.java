package id.jamsos.contribution;

import static id.jamsos.contribution.BillingFixtures.on;
import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.account.Visitor;
import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.internal.BillingRun;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The arrears statement on screen, as PDF and as JSON: the signed-in payer's own bills only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ArrearsPagesTests {

    static final Period JULY = Period.of(2026, 7);
    static final String PASSWORD = "Tunggakan-Uji-2026";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BillingRun billing;
    @Autowired
    InformalWorkers informalWorkers;
    @LocalServerPort
    int port;

    @Test
    void anEmployerAdministratorSeesTheirEmployersArrearsOnScreenAsPdfAndAsJson() throws Exception {
        BillingFixtures fixtures = new BillingFixtures(jdbc);
        long mine = fixtures.employer(1);
        fixtures.employ(mine, LocalDate.of(2026, 1, 1), 5_000_000);
        long theirs = fixtures.employer(1);
        fixtures.employ(theirs, LocalDate.of(2026, 1, 1), 7_000_000);
        billing.run(JULY, BillingRun.BOTH, on(LocalDate.of(2026, 8, 1)), p -> { });
        long myBill = fixtures.billOf(mine, JULY);
        long theirBill = fixtures.billOf(theirs, JULY);
        Visitor admin = employerAdmin(fixtures, mine);

        Visitor.Page page = admin.get("/tunggakan?asOf=2026-09-30");
        assertThat(page.status()).isEqualTo(200);
        // Due 15 August 2026 is a Saturday and 17 August is Independence Day: due Tuesday 18 August.
        assertThat(page.body()).contains("Tunggakan iuran").contains("18/08/2026").contains("Juli 2026")
                .contains("30/09/2026").contains("Rp ").contains("PT Uji");
        Visitor.Page before = admin.get("/tunggakan?asOf=2026-07-31");
        assertThat(before.body()).contains("Tidak ada tagihan yang belum dibayar");
        Visitor.Page english = admin.get("/tunggakan?asOf=2026-09-30&lang=en");
        assertThat(english.body()).contains("Contribution arrears").contains("July 2026");

        Visitor.Page json = admin.api("GET", "/api/v1/arrears?asOf=2026-09-30", null, null, null);
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body()).contains("\"billId\":" + myBill).doesNotContain("\"billId\":" + theirBill)
                .contains("\"monthsLate\":2").contains("\"dueDate\":\"2026-08-18\"").contains("\"category\":\"PU\"");

        HttpResponse<byte[]> pdf = admin.download("/tunggakan/pdf?asOf=2026-09-30");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            // In English: the visitor switched language above.
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("Contribution arrears")
                    .contains("18/08/2026").contains("July 2026").containsPattern("Rp [0-9]{3}\\.[0-9]{3}");
        }

    }

    @Test
    void badDatesAreRefusedWithAMessageAndNothingElse() throws Exception {
        BillingFixtures fixtures = new BillingFixtures(jdbc);
        Visitor admin = employerAdmin(fixtures, fixtures.employer(2));
        for (String bad : new String[] {"kemarin", "2026-02-30", "31-12-2026", "2026-1-1", "%00", "9999-01-01"}) {
            Visitor.Page json = admin.api("GET", "/api/v1/arrears?asOf=" + bad, null, null, null);
            assertThat(json.status()).as(bad).isEqualTo(400);
            assertThat(json.body()).as(bad).contains("\"asOf\"").contains("TTTT-BB-HH");
            Visitor.Page page = admin.get("/tunggakan?asOf=" + bad);
            assertThat(page.status()).as(bad).isEqualTo(400);
            assertThat(page.body()).as(bad).contains("role=\"alert\"");
            assertThat(admin.download("/tunggakan/pdf?asOf=" + bad).statusCode()).as(bad).isEqualTo(400);
        }
    }

    @Test
    void anInformalWorkerSeesTheirOwnBillsAndOthersSeeNothing() throws Exception {
        BillingFixtures fixtures = new BillingFixtures(jdbc);
        String email = Visitor.uniqueEmail("bpu");
        Visitor member = Visitor.signedInMember(port, mvc, "Rina Wati", email, PASSWORD);
        UUID memberId = fixtures.activeMember(accountId(email), email, "Rina Wati");
        informalWorkers.enrol(memberId, Rupiah.of(2_000_000), Set.of(Program.JHT), JULY);
        billing.run(JULY, Set.of(Category.BPU), on(LocalDate.of(2026, 7, 1)), p -> { });
        long bill = fixtures.billOf(memberId, JULY);

        Visitor.Page json = member.api("GET", "/api/v1/arrears?asOf=2026-08-31", null, null, null);
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body()).contains("\"billId\":" + bill).contains("\"category\":\"BPU\"")
                .contains("\"penalty\":0");
        assertThat(member.get("/tunggakan?asOf=2026-08-31").body()).contains("KPJ");

        Visitor stranger = Visitor.signedInMember(port, mvc, "Tanpa Kepesertaan", Visitor.uniqueEmail("none"), PASSWORD);
        assertThat(stranger.api("GET", "/api/v1/arrears", null, null, null).status()).isEqualTo(404);
        assertThat(stranger.get("/tunggakan").status()).isEqualTo(404);

        Visitor officer = new Visitor(port, mvc);
        officer.signInAsOwner("petugas@demo.jamsos.test", "Petugas-Demo-Jamsos-2");
        assertThat(officer.api("GET", "/api/v1/arrears", null, null, null).status()).isEqualTo(403);

        Visitor anonymous = new Visitor(port, mvc);
        assertThat(anonymous.api("GET", "/api/v1/arrears", null, null, null).status()).isEqualTo(401);
        assertThat(anonymous.get("/tunggakan").status()).isEqualTo(302);
    }

    private Visitor employerAdmin(BillingFixtures fixtures, long employerId) throws Exception {
        String email = Visitor.uniqueEmail("employer");
        Visitor visitor = new Visitor(port, mvc);
        visitor.registerAndVerify("Dewi Lestari", email, PASSWORD);
        UUID account = accountId(email);
        jdbc.sql("UPDATE account.account SET role = 'EMPLOYER_ADMIN' WHERE id = :id").param("id", account).update();
        jdbc.sql("""
                        INSERT INTO employer.employer_admin (account_id, employer_id, linked_at, linked_by)
                        VALUES (:account, :employer, now(), :account)""")
                .param("account", account).param("employer", employerId).update();
        visitor.signInAsOwner(email, PASSWORD);
        return visitor;
    }

    private UUID accountId(String email) {
        return jdbc.sql("SELECT id FROM account.account WHERE email = :email").param("email", email.toLowerCase())
                .query(UUID.class).single();
    }
}
