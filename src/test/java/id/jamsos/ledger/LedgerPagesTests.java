package id.jamsos.ledger;

import static id.jamsos.ledger.LedgerFixtures.on;
import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.account.Visitor;
import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.Bills;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.InformalWorkers;
import id.jamsos.contribution.Program;
import id.jamsos.contribution.internal.BillingRun;
import id.jamsos.ledger.internal.YieldCrediting;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

/**
 * A member with paid months sees balance, chart, history, CSV and statement; nobody reaches another member's account
 * (404, the same as for a KPJ that does not exist); administrators enter yield rates, audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class LedgerPagesTests {

    static final String PASSWORD = "Saldo-Jht-Uji-2026";

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
    YieldCrediting crediting;
    @LocalServerPort
    int port;

    @Test
    void aMemberSeesTheirBalanceHistoryChartAndStatementAndNobodyElsesAccount() throws Exception {
        LedgerFixtures fixtures = new LedgerFixtures(jdbc);
        String email = Visitor.uniqueEmail("jht");
        Visitor member = Visitor.signedInMember(port, mvc, "Dewi Lestari", email, PASSWORD);
        UUID memberId = fixtures.activeMember(accountId(email), email, "Dewi Lestari");
        informalWorkers.enrol(memberId, Rupiah.of(3_000_000), Set.of(Program.JHT), Period.of(2025, 1));
        for (int month = 1; month <= 3; month++) {
            Period period = Period.of(2025, month);
            billing.run(period, Set.of(Category.BPU), on(period.firstDay()), p -> { });
            bills.settle(fixtures.billOf(memberId, period), period.firstDay().plusDays(9), "jht-page-" + memberId + month);
        }
        awaitBalance(memberId, 180_000); // 3 × 2 % of 3,000,000
        crediting.credit(2025); // the demo's illustrative rate: labelled on the page
        String kpj = jdbc.sql("SELECT kpj FROM membership.member WHERE id = :m").param("m", memberId)
                .query(String.class).single();

        Visitor.Page page = member.get("/saldo-jht");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Saldo JHT").contains("Rp 180.000").contains("<svg").contains("<polyline")
                .contains("Saldo akhir bulan").contains("3/2025").contains("tingkat ilustrasi")
                .doesNotContain("style=");
        // The own card's links carry no KPJ: its addresses stay as they were.
        assertThat(page.body()).contains("href=\"/saldo-jht/riwayat\"").contains("href=\"/saldo-jht/proyeksi\"");
        Visitor.Page history = member.get("/saldo-jht/riwayat?tahun=2025");
        assertThat(history.body()).contains("Dibayar sendiri (BPU)").contains("Rp 60.000").contains("10/01/2025");
        assertThat(member.get("/saldo-jht/riwayat?tahun=abc&halaman=-3").status()).isEqualTo(200);

        HttpResponse<byte[]> csv = member.download("/saldo-jht/riwayat.csv?tahun=2025");
        assertThat(csv.statusCode()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(4);
        assertThat(text).contains("\"2025-03\",\"Dibayar sendiri (BPU)\",\"3000000\",\"0\",\"60000\",\"10/03/2025\"");

        HttpResponse<byte[]> pdf = member.download("/saldo-jht/laporan?tahun=2025");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            // Years as years (2025), never as numbers with a thousands separator (2.025).
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("Saldo akhir 31 Desember 2025").doesNotContain("Desember 2.025");
        }
        assertThat(member.download("/saldo-jht/laporan?tahun=kemarin").statusCode()).isEqualTo(400);

        Visitor.Page json = member.api("GET", "/api/v1/ledger/" + kpj + "/balance", null, null, null);
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body()).contains("\"workerContributions\":180000").contains("\"illustrativeYield\":true");
        // The year's split (contributions kept by year, V136; the yield as credited) is what the lines add up to.
        long yieldFromLines = jdbc.sql("""
                        SELECT coalesce(sum(CASE l.side WHEN 'C' THEN l.amount ELSE -l.amount END), 0)
                        FROM ledger.line l JOIN ledger.account a ON a.id = l.account_id
                        WHERE a.member_id = :m AND l.component = 'YIELD'""").param("m", memberId)
                .query(Long.class).single();
        assertThat(yieldFromLines).as("the illustrative rate credited some yield").isPositive();
        assertThat(json.body()).contains("\"balance\":" + (180_000 + yieldFromLines) + ",")
                .contains("{\"year\":2025,\"employer\":0,\"worker\":180000,\"yield\":" + yieldFromLines
                        + ",\"closingBalance\":" + (180_000 + yieldFromLines) + "}");
        assertThat(member.api("GET", "/api/v1/ledger/balance", null, null, null).body())
                .as("the own membership's balance, without its KPJ").isEqualTo(json.body());
        assertThat(member.api("GET", "/api/v1/ledger/" + kpj + "/contributions?year=2025", null, null, null).body())
                .contains("\"month\":\"2025-01\"");
        assertThat(member.api("GET", "/api/v1/ledger/" + kpj + "/contributions?year=x", null, null, null).status())
                .isEqualTo(400);

        String otherEmail = Visitor.uniqueEmail("jht-other");
        Visitor other = Visitor.signedInMember(port, mvc, "Orang Lain", otherEmail, PASSWORD);
        fixtures.activeMember(accountId(otherEmail), otherEmail, "Orang Lain");
        Visitor.Page theirs = other.api("GET", "/api/v1/ledger/" + kpj + "/balance", null, null, null);
        Visitor.Page nobody = other.api("GET", "/api/v1/ledger/99999999999/balance", null, null, null);
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(theirs.body().replace(kpj, "99999999999")).isEqualTo(nobody.body());
        assertThat(other.api("GET", "/api/v1/ledger/balance", null, null, null).body()).as("their own, not hers")
                .doesNotContain(kpj).doesNotContain("180000");
        for (String path : new String[] {"/contributions", "/statements/2025"}) {
            assertThat(other.api("GET", "/api/v1/ledger/" + kpj + path, null, null, null).status()).as(path)
                    .isEqualTo(404);
        }
        assertThat(other.get("/saldo-jht").body()).doesNotContain("Rp 180.000");

        Visitor stranger = Visitor.signedInMember(port, mvc, "Tanpa Kepesertaan", Visitor.uniqueEmail("none"), PASSWORD);
        assertThat(stranger.get("/saldo-jht").status()).isEqualTo(404);
        assertThat(stranger.get("/admin/hasil-pengembangan").status()).isEqualTo(403);
    }

    @Test
    void aWageEarnersHistoryShowsTheEmployersNameAndTheWageEachBillWasComputedFrom() throws Exception {
        LedgerFixtures fixtures = new LedgerFixtures(jdbc);
        String email = Visitor.uniqueEmail("jht-pu");
        Visitor member = Visitor.signedInMember(port, mvc, "Agus Salim", email, PASSWORD);
        UUID memberId = fixtures.activeMember(accountId(email), email, "Agus Salim");
        long employer = fixtures.employer(1);
        fixtures.employ(employer, memberId, LocalDate.of(2024, 12, 1), 6_000_000);
        fixtures.reportWage(employer, Period.of(2025, 1), memberId, 7_500_000);
        Period january = Period.of(2025, 1);
        billing.run(january, Set.of(Category.PU), on(LocalDate.of(2025, 2, 1)), p -> { });
        bills.settle(fixtures.billOf(employer, january), LocalDate.of(2025, 2, 12), "jht-pu-" + memberId);
        awaitBalance(memberId, 427_500); // 3.7 % + 2 % of 7,500,000 = 277,500 + 150,000
        String name = fixtures.employerName(employer);
        String kpj = fixtures.kpjOf(memberId);

        Visitor.Page history = member.get("/saldo-jht/riwayat");
        assertThat(history.body()).contains(name).contains("Rp 7.500.000").contains("Rp 277.500")
                .doesNotContain("Pemberi kerja no.");
        assertThat(member.get("/saldo-jht/riwayat?lang=en").body()).contains("Reported wage").contains(name);
        String csv = new String(member.download("/saldo-jht/riwayat.csv").body(), StandardCharsets.UTF_8);
        assertThat(csv).contains("\"2025-01\",\"" + name + "\",\"7500000\",\"277500\",\"150000\",\"12/02/2025\"");
        assertThat(member.api("GET", "/api/v1/ledger/" + kpj + "/contributions", null, null, null).body())
                .contains("\"employerId\":" + employer).contains("\"employerName\":\"" + name + "\"")
                .contains("\"wage\":7500000");
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(
                member.download("/saldo-jht/laporan?tahun=2025&lang=id").body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains(name).contains("Rp 7.500.000").contains("Saldo akhir 31 Desember 2025 Rp 427.500");
        }
        assertThat(jdbc.sql("SELECT DISTINCT wage FROM contribution.bill_line WHERE bill_id = :b")
                .param("b", fixtures.billOf(employer, january)).query(Long.class).list()).containsExactly(7_500_000L);
    }

    @Test
    void anAdministratorEntersADeclaredYieldRateAndBadInputChangesNothing() throws Exception {
        Visitor admin = new Visitor(port, mvc);
        admin.signInAsOwner("admin@demo.jamsos.test", "Admin-Demo-Jamsos-4");
        Visitor.Page list = admin.get("/admin/hasil-pengembangan");
        assertThat(list.body()).contains("6,06%").contains("Ilustrasi demo");
        long before = jdbc.sql("SELECT count(*) FROM ledger.yield_rate").query(Long.class).single();
        for (String[] bad : new String[][] {{"year", "20x5"}, {"rate", "lima"}, {"source", ""}, {"rate", "101"}}) {
            java.util.Map<String, String> fields = new java.util.LinkedHashMap<>(
                    java.util.Map.of("year", "2040", "rate", "5,5", "source", "RUPS 2041"));
            fields.put(bad[0], bad[1]);
            Visitor.Page refused = admin.submit("/admin/hasil-pengembangan", "/admin/hasil-pengembangan",
                    "year", fields.get("year"), "rate", fields.get("rate"), "source", fields.get("source"));
            assertThat(refused.status()).as(bad[0]).isEqualTo(400);
            assertThat(refused.body()).as(bad[0]).contains("role=\"alert\"").doesNotContain("{0}");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM ledger.yield_rate").query(Long.class).single()).isEqualTo(before);
        Visitor.Page added = admin.submit("/admin/hasil-pengembangan", "/admin/hasil-pengembangan",
                "year", "2040", "rate", "5,55", "source", "RUPS BPJS Ketenagakerjaan 2041");
        assertThat(added.location()).isEqualTo("/admin/hasil-pengembangan");
        assertThat(admin.get("/admin/hasil-pengembangan").body()).contains("5,55%").contains("Ditetapkan");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'YIELD_RATE_DECLARED'"
                + " AND target_id = '2040'").query(Long.class).single()).isEqualTo(1);
    }

    private UUID accountId(String email) {
        return jdbc.sql("SELECT id FROM account.account WHERE email = :e").param("e", email).query(UUID.class).single();
    }

    private void awaitBalance(UUID member, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline
                && balances.balance(member).map(Rupiah::value).orElse(0L) != expected) {
            Thread.sleep(100);
        }
        assertThat(balances.balance(member)).contains(Rupiah.of(expected));
    }
}
