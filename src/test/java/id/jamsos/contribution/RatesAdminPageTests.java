package id.jamsos.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.account.Visitor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Administrators keep the rate tables: every row with its legal basis, new effective-dated rows audited and in force at
 * once, never one that would change a billed month; nobody else may add any. Rows added here take effect from 2091,
 * far beyond any month other tests compute.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class RatesAdminPageTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void anAdministratorSeesEveryTableWithItsLegalBasis() throws Exception {
        Visitor.Page page = admin().get("/admin/tarif");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("PP 46/2015 as amended by PP 60/2015").contains("3,70%")
                .contains("sangat tinggi").contains("1,74%").contains("Rp 10.547.400").contains("01/03/2025")
                .contains("BPJS circular B/1226/022026").contains("Rp 20.700.000").contains("Permenaker 5/2021")
                .contains("PP 44/2015 art. 59; PP 86/2013").contains("PP 37/2021 as amended by PP 6/2025")
                .contains("Rp 6.800");
    }

    @Test
    void addedRowsAreAuditedInForceAtOnceAndNeverChangeABilledMonth() throws Exception {
        Visitor admin = admin();
        Visitor.Page ceiling = admin.submit("/admin/tarif", "/admin/tarif/batas-upah-jp", "ceiling", "20.000.000",
                "effectiveFrom", "2091-03-01", "legalBasis", "PP 45/2015 art. 29 (contoh uji)", "note", "");
        assertThat(ceiling.status()).isEqualTo(302);
        assertThat(ceiling.location()).isEqualTo("/admin/tarif");
        assertThat(jpCeiling("2091-02")).isEqualTo(11_086_300);
        assertThat(jpCeiling("2091-03")).isEqualTo(20_000_000);

        Visitor.Page share = admin.submit("/admin/tarif", "/admin/tarif/iuran", "program", "JHT", "category", "PU",
                "party", "EMPLOYER", "basis", "wage", "rate", "4,00", "flatAmount", "", "effectiveFrom", "2092-01-01",
                "legalBasis", "PP baru (contoh uji)", "note", "uji");
        assertThat(share.status()).isEqualTo(302);
        assertThat(contribution("2092-01").get("lines").get(0).get("employer").asLong()).isEqualTo(400_000);
        assertThat(contribution("2091-12").get("lines").get(0).get("employer").asLong()).isEqualTo(370_000);

        jdbc.sql("INSERT INTO contribution.billed_period (period, billed_at) VALUES ('2093-06', now())").update();
        Visitor.Page refused = admin.submit("/admin/tarif", "/admin/tarif/denda", "rate", "3", "effectiveFrom",
                "2093-06-30", "legalBasis", "contoh uji", "note", "");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Bulan 2093-06 sudah ditagih").contains("sesudah 30/06/2093");
        assertThat(jdbc.sql("SELECT count(*) FROM contribution.late_penalty_rate WHERE effective_from = '2093-06-30'")
                .query(Integer.class).single()).isZero();
        assertThat(admin.submit("/admin/tarif", "/admin/tarif/denda", "rate", "3", "effectiveFrom", "2093-07-01",
                "legalBasis", "contoh uji", "note", "").status()).isEqualTo(302);
        assertThat(admin.get("/admin/tarif").body()).contains("2093-06 sudah ditagih");

        List<String> audited = jdbc.sql("""
                        SELECT target_id FROM audit.audit_event
                         WHERE action = 'RATE_ROW_ADDED' AND target_type = 'CONTRIBUTION_RATE'
                           AND actor = 'admin@demo.jamsos.test' ORDER BY id""")
                .query(String.class).list();
        assertThat(audited).containsSubsequence("JP_WAGE_CEILING:JP@2091-03-01", "SHARE_RATE:JHT/PU/EMPLOYER@2092-01-01",
                "LATE_PENALTY_RATE:PU@2093-07-01").doesNotContain("LATE_PENALTY_RATE:PU@2093-06-30");
        assertThat(jdbc.sql("""
                        SELECT details ->> 'reason' FROM audit.audit_event
                         WHERE action = 'RATE_ROW_REFUSED' AND outcome = 'DENIED' AND target_id = 'penalty'""")
                .query(String.class).list()).contains("rates.billed");
        assertThat(jdbc.sql("SELECT created_by FROM contribution.jp_wage_ceiling WHERE effective_from = '2091-03-01'")
                .query(String.class).single()).isEqualTo("admin@demo.jamsos.test");
    }

    @Test
    void invalidRowsAreRefusedWithAMessageAndNothingIsAdded() throws Exception {
        Visitor admin = admin();
        String[][] cases = {
                {"/admin/tarif/iuran", "program=JP&category=BPU&party=WORKER&basis=declared_income&rate=1", "tidak sesuai aturan"},
                {"/admin/tarif/iuran", "program=JHT&category=PU&party=WORKER&basis=flat&rate=1", "jumlah tetap"},
                {"/admin/tarif/iuran", "program=JHT&category=XX&party=WORKER&basis=wage&rate=1", "Pilih dari daftar"},
                {"/admin/tarif/iuran", "program=JHT&category=PU&party=WORKER&basis=wage&rate=abc", "dua desimal"},
                {"/admin/tarif/jkk", "riskClass=6&rate=1", "1 sampai 5"},
                {"/admin/tarif/batas-upah-jp", "ceiling=-1", "rupiah bulat"},
                {"/admin/tarif/batas-bpu", "minimum=2000000&maximum=1000000", "di bawah batas paling rendah"},
                {"/admin/tarif/denda", "rate=101", "0% dan 100%"}};
        for (String[] c : cases) {
            List<String> fields = new java.util.ArrayList<>(List.of("effectiveFrom", "2095-01-01", "legalBasis", "uji"));
            for (String pair : c[1].split("&")) {
                fields.addAll(List.of(pair.split("=", 2)));
            }
            Visitor.Page page = admin.submit("/admin/tarif", c[0], fields.toArray(String[]::new));
            assertThat(page.status()).as(c[1]).isEqualTo(400);
            assertThat(page.body()).as(c[1]).contains("role=\"alert\"").contains(c[2]);
        }
        Visitor.Page noDate = admin.submit("/admin/tarif", "/admin/tarif/denda", "rate", "2", "effectiveFrom", "besok",
                "legalBasis", "uji");
        assertThat(noDate.status()).isEqualTo(400);
        Visitor.Page noBasis = admin.submit("/admin/tarif", "/admin/tarif/denda", "rate", "2", "effectiveFrom",
                "2095-01-01", "legalBasis", " ");
        assertThat(noBasis.status()).isEqualTo(400);
        assertThat(jdbc.sql("""
                SELECT (SELECT count(*) FROM contribution.share_rate WHERE effective_from = '2095-01-01')
                     + (SELECT count(*) FROM contribution.jkk_rate WHERE effective_from = '2095-01-01')
                     + (SELECT count(*) FROM contribution.jp_wage_ceiling WHERE effective_from = '2095-01-01')
                     + (SELECT count(*) FROM contribution.bpu_income_bounds WHERE effective_from = '2095-01-01')
                     + (SELECT count(*) FROM contribution.late_penalty_rate WHERE effective_from = '2095-01-01')""")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void officersMembersAndStrangersCannotSeeOrAddRates() throws Exception {
        Visitor officer = new Visitor(port, mvc);
        officer.signInAsOwner("petugas@demo.jamsos.test", "Petugas-Demo-Jamsos-2");
        assertThat(officer.get("/admin/tarif").status()).isEqualTo(403);
        assertThat(officer.submit("/akun", "/admin/tarif/denda", "rate", "9", "effectiveFrom", "2096-01-01",
                "legalBasis", "x").status()).isEqualTo(403);
        assertThat(new Visitor(port, mvc).get("/admin/tarif").status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM contribution.late_penalty_rate WHERE effective_from = '2096-01-01'")
                .query(Integer.class).single()).isZero();
    }

    private Visitor admin() throws Exception {
        Visitor admin = new Visitor(port, mvc);
        admin.signInAsOwner("admin@demo.jamsos.test", "Admin-Demo-Jamsos-4");
        return admin;
    }

    private long jpCeiling(String period) throws Exception {
        return contribution(period).get("basis").get("jpWageCeiling").asLong();
    }

    private JsonNode contribution(String period) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/simulations/contributions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"category\":\"PU\",\"period\":\"" + period + "\",\"monthlyWage\":10000000,\"riskClass\":1}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
