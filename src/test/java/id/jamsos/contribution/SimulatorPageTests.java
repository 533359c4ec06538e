package id.jamsos.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.account.Visitor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The public simulator page: plain GET forms without sign-in, the result table, and htmx fragments. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class SimulatorPageTests {

    @Autowired
    MockMvc mvc;
    @LocalServerPort
    int port;

    @Test
    void aVisitorWithoutAnAccountSeesTheFormsWithTheRiskClassNamesFromTheData() throws Exception {
        Visitor.Page page = new Visitor(port, mvc).get("/simulasi");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Simulasi iuran").contains("Kelas 2 – rendah (0,54%)")
                .contains("Antara Rp 1.000.000 dan Rp 20.700.000").contains("action=\"/simulasi/denda\"")
                .contains("hx-get=\"/simulasi\"");
        assertThat(new Visitor(port, mvc).get("/simulasi?lang=en").body()).contains("Class 5 – very high (1.74%)");
        assertThat(new Visitor(port, mvc).get("/").body()).contains("href=\"/simulasi\"");
    }

    @Test
    void aWageEarnersContributionIsShownWithItsBasisAndLegalBasis() throws Exception {
        Visitor.Page page = new Visitor(port, mvc).get("/simulasi?kategori=PU&periode=2025-03&upah=12.000.000&kelas=2");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Rp 444.000").contains("Rp 64.800").contains("Rp 210.948")
                .contains("Rp 755.748").contains("Rp 345.474").contains("Rp 1.101.222")
                .contains("Rp 10.547.400 (berlaku sejak 01/03/2025)").contains("PP 45/2015 art. 28")
                .contains("PP 44/2015 annex I").contains("PP 37/2021 as amended by PP 6/2025")
                .contains("value=\"12.000.000\"");
        Visitor.Page english = new Visitor(port, mvc).get(
                "/simulasi?kategori=PU&periode=2025-02&upah=12000000&kelas=2&lang=en");
        assertThat(english.body()).contains("Rp 10.042.300 (in force from 01/03/2024)").contains("Employer");
    }

    @Test
    void anInformalWorkersContributionWithJht() throws Exception {
        Visitor.Page page = new Visitor(port, mvc).get("/simulasi?kategori=BPU&periode=2025-03&penghasilan=2500000&jht=ya");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Rp 50.000").contains("Rp 25.000").contains("Rp 6.800").contains("Rp 81.800")
                .contains("Peserta");
        Visitor.Page low = new Visitor(port, mvc).get("/simulasi?kategori=BPU&periode=2025-03&penghasilan=999999");
        assertThat(low.status()).isEqualTo(400);
        assertThat(low.body()).contains("role=\"alert\"").contains("antara Rp 1.000.000 dan Rp 20.700.000");
    }

    @Test
    void badInputIsNamedOnThePageInBothLanguages() throws Exception {
        Visitor.Page page = new Visitor(port, mvc).get("/simulasi?kategori=PU&periode=2015-01&upah=-5&kelas=9");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("mulai bulan 2015-07").contains("href=\"#upah\"").contains("href=\"#kelas\"");
        Visitor.Page english = new Visitor(port, mvc).get("/simulasi?kategori=PU&periode=maret&upah=x&kelas=1&lang=en");
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.body()).contains("Write the month as YYYY-MM").contains("whole rupiah");
    }

    @Test
    void theLatePenaltyCalculator() throws Exception {
        Visitor.Page page = new Visitor(port, mvc).get("/simulasi/denda?kategori=PU&periode=2025-03&iuran=1.000.000&dibayar=2025-05-16");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("15/04/2025").contains("Rp 40.000").contains("PP 44/2015 art. 59");
        Visitor.Page typed = new Visitor(port, mvc).get("/simulasi/denda?kategori=BPU&periode=2025-03&iuran=16800&dibayar=16/05/2025");
        assertThat(typed.body()).contains("17/03/2025").contains("Rp 0").contains("tidak dikenai denda");
        Visitor.Page bad = new Visitor(port, mvc).get("/simulasi/denda?kategori=XX&periode=2025-03&iuran=1&dibayar=kemarin");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Pilih PU").contains("TTTT-BB-HH");
    }

    @Test
    void htmxGetsOnlyTheSectionItSent() throws Exception {
        HttpResponse<String> fragment = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/simulasi?kategori=PU&periode=2025-03&upah=12000000&kelas=2"))
                .header("HX-Request", "true").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).startsWith("<section id=\"pu\"").contains("Rp 1.101.222").doesNotContain("<html")
                .doesNotContain("id=\"bpu\"");
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/simulasi/denda?kategori=PU&periode=2025-03&iuran=x&dibayar=2025-05-16"))
                .header("HX-Request", "true").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).startsWith("<section id=\"denda\"").contains("role=\"alert\"");
    }
}
