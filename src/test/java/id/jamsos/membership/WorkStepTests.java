package id.jamsos.membership;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.account.Visitor;
import java.nio.charset.StandardCharsets;
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
 * Step 2, work: PU or BPU, saved on the draft, with the monthly contribution shown as the worker chooses (amounts
 * from the contribution module's rate tables through {@link ContributionQuote}: RULES.md §2 and §3; the wages used
 * lie below every JP ceiling, so the amounts do not depend on the month the test runs in).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class WorkStepTests {

    static final String PASSWORD = "es teler segar di siang bolong";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void aWageEarnerSavesTheJobAndSeesTheirShareWhileTheEmployersJkkWaitsForTheRiskClass() throws Exception {
        Visitor member = applicant("Agus Salim", "3273011205900051");
        Applying.saveWork(member);

        String page = member.get("/aktivasi/pekerjaan").body();
        // Wage Rp 5.000.000: JHT 2 % = 100.000 and JP 1 % = 50.000 for the worker; the employer 185.000, 15.000, 100.000.
        assertThat(page).contains("Data pekerjaan Anda tersimpan").contains("id=\"to-documents\"")
                .contains("value=\"PT Sumber Rejeki\"").contains("Rp 100.000").contains("Rp 50.000")
                .contains("Rp 150.000").contains("Rp 185.000").contains("menurut kelas risiko pemberi kerja");
        assertThat(jdbc.sql("SELECT work_category || ':' || monthly_wage FROM membership.application WHERE full_name = 'Agus Salim'")
                .query(String.class).single()).isEqualTo("PU:5000000");

        String review = member.get("/aktivasi/periksa").body();
        assertThat(review).contains("PT Sumber Rejeki").contains("Staf gudang").contains("06/01/2020")
                .contains("Rp 5.000.000").contains("JHT, JKK, JKM, JP").contains("Rp 150.000")
                .contains("href=\"/aktivasi/pekerjaan\"").doesNotContain("belum diisi");
    }

    @Test
    void anInformalWorkerChoosesJhtAndSeesTheAmountBeforeSaving() throws Exception {
        Visitor member = applicant("Siti Nurhaliza", "3273015205900052");
        String[] informal = {"category", "BPU", "occupation", "Pedagang sayur", "workLocation", "Pasar Kosambi",
                "declaredIncome", "2.000.000", "jht", "yes"};

        // Without script: "calculate" shows the amount and saves nothing. JKK 1 % 20.000 + JKM 6.800 + JHT 2 % 40.000.
        Visitor.Page calculated = member.submit("/aktivasi/pekerjaan", "/aktivasi/pekerjaan",
                with(informal, "calculate", "yes"));
        assertThat(calculated.status()).isEqualTo(200);
        assertThat(calculated.body()).contains("Rp 66.800").contains("Rp 6.800").doesNotContain("Bagian pemberi kerja");
        assertThat(workCategory("Siti Nurhaliza")).isNull();

        // htmx: the same amount as a fragment, and the fields of a category as a fragment.
        Visitor.Page fragment = member.submit("/aktivasi/pekerjaan", "/aktivasi/pekerjaan/iuran",
                "category", "BPU", "occupation", "Pedagang sayur", "workLocation", "Pasar Kosambi",
                "declaredIncome", "1000000");
        assertThat(fragment.body()).startsWith("<section id=\"quote\"").contains("Rp 16.800");
        assertThat(member.get("/aktivasi/pekerjaan/bagian?category=BPU").body()).contains("name=\"declaredIncome\"")
                .doesNotContain("name=\"monthlyWage\"");
        assertThat(member.submit("/aktivasi/pekerjaan", "/aktivasi/pekerjaan/iuran", "category", "BPU").body())
                .contains("Lengkapi isian");
        assertThat(member.submit("/aktivasi/pekerjaan", "/aktivasi/pekerjaan/iuran", "category", "BPU",
                "occupation", "Pedagang", "workLocation", "Pasar", "declaredIncome", "500000").body())
                .contains("Pilih penghasilan yang dilaporkan antara Rp 1.000.000 dan Rp 20.700.000 sebulan");

        // Outside the bounds of RULES.md §3: refused on the income field, nothing stored.
        for (String income : new String[] {"999.999", "20.700.001"}) {
            Visitor.Page refused = member.submit("/aktivasi/pekerjaan", "/aktivasi/pekerjaan",
                    with(informal, "declaredIncome", income));
            assertThat(refused.status()).as(income).isEqualTo(400);
            assertThat(refused.body()).as(income).contains("id=\"declaredIncome-error\"").contains("role=\"alert\"");
            assertThat(workCategory("Siti Nurhaliza")).isNull();
        }

        assertThat(member.submit("/aktivasi/pekerjaan", "/aktivasi/pekerjaan", without(informal, "jht")).location())
                .isEqualTo("/aktivasi/pekerjaan");
        assertThat(member.get("/aktivasi/pekerjaan").body()).contains("Rp 26.800");
        assertThat(member.get("/aktivasi/periksa").body()).contains("JKK, JKM").doesNotContain("JHT, JKK");
        assertThat(workCategory("Siti Nurhaliza")).isEqualTo("BPU");
    }

    @Test
    void eachWrongFieldIsNamedAndNothingIsStored() throws Exception {
        Visitor member = applicant("Bambang Pamungkas", "3273011205900053");
        // Without script, "show the fields" brings the chosen category's fields and saves nothing.
        Visitor.Page shown = member.submit("/aktivasi/pekerjaan", "/aktivasi/pekerjaan", "category", "PU", "choose", "category");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("name=\"monthlyWage\"").doesNotContain("name=\"declaredIncome\"")
                .doesNotContain("role=\"alert\"");
        assertRefused(member, "Pilih salah satu", "category", "ASN");
        assertRefused(member, "Tulis NPP atau nama pemberi kerja", with(Applying.WAGE_EARNER, "employerName", ""));
        assertRefused(member, "terdiri atas 8 angka", with(Applying.WAGE_EARNER, "employerNpp", "123"));
        assertRefused(member, "tidak di masa depan", with(Applying.WAGE_EARNER, "startDate", "2999-01-01"));
        assertRefused(member, "tidak di masa depan", with(Applying.WAGE_EARNER, "startDate", "kemarin"));
        assertRefused(member, "rupiah bulat", with(Applying.WAGE_EARNER, "monthlyWage", "5jt"));
        assertRefused(member, "lebih dari nol", with(Applying.WAGE_EARNER, "monthlyWage", "0"));
        assertRefused(member, "Wajib diisi", with(Applying.WAGE_EARNER, "jobTitle", " "));
        assertRefused(member, "karakter", with(Applying.WAGE_EARNER, "jobTitle", "Staf\u0000"));
        assertThat(workCategory("Bambang Pamungkas")).isNull();
        // An NPP alone is enough.
        assertThat(member.submit("/aktivasi/pekerjaan", "/aktivasi/pekerjaan", with(with(Applying.WAGE_EARNER,
                "employerName", ""), "employerNpp", "1234-5678")).location()).isEqualTo("/aktivasi/pekerjaan");
        assertThat(jdbc.sql("SELECT employer_npp FROM membership.application WHERE full_name = 'Bambang Pamungkas'")
                .query(String.class).single()).isEqualTo("12345678");
    }

    @Test
    void workComesAfterIdentityAndIsMissingUntilSaved() throws Exception {
        Visitor member = Visitor.signedInMember(port, mvc, "Belum Mulai", Visitor.uniqueEmail("work"), PASSWORD);
        assertThat(member.get("/aktivasi/pekerjaan").location()).isEqualTo("/aktivasi");
        Visitor.Page early = member.submit("/akun", "/aktivasi/pekerjaan", Applying.WAGE_EARNER);
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body()).contains("Isi data identitas (langkah 1) terlebih dahulu");
        assertThat(member.get("/aktivasi/periksa").body()).contains("Data pekerjaan Anda (langkah 2) belum diisi");
    }

    @Test
    void theAppSavesWorkThroughTheApi() throws Exception {
        Visitor app = applicant("Dewi Lestari", "3273015205900054");
        JsonMapper json = JsonMapper.builder().build();
        Visitor.Page refused = app.api("PUT", "/api/v1/membership/application/work", "application/json", """
                {"category":"BPU","occupation":"Penjahit","workLocation":"Rumah","declaredIncome":"50000000"}"""
                .getBytes(StandardCharsets.UTF_8), "/akun");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("errors").has("declaredIncome")).isTrue();

        Visitor.Page saved = app.api("PUT", "/api/v1/membership/application/work", "application/json", """
                {"category":"BPU","occupation":"Penjahit","workLocation":"Rumah","declaredIncome":"3000000","jht":true}"""
                .getBytes(StandardCharsets.UTF_8), "/akun");
        assertThat(saved.status()).isEqualTo(200);
        JsonNode body = json.readTree(saved.body());
        assertThat(body.get("work").get("programs").toString()).isEqualTo("[\"JHT\",\"JKK\",\"JKM\"]");
        assertThat(body.get("work").get("declaredIncome").asLong()).isEqualTo(3_000_000L);
        assertThat(body.get("monthlyContribution").toString()).contains("{\"program\":\"JKK\",\"employer\":0,\"worker\":30000}")
                .contains("{\"program\":\"JHT\",\"employer\":0,\"worker\":60000}");
        assertThat(body.get("missing").toString()).doesNotContain("membership.missing.work");
    }

    private void assertRefused(Visitor member, String message, String... fields) throws Exception {
        Visitor.Page refused = member.submit("/aktivasi/pekerjaan", "/aktivasi/pekerjaan", fields);
        assertThat(refused.status()).as(message).isEqualTo(400);
        assertThat(refused.body()).as(message).contains(message).contains("role=\"alert\"");
    }

    private String workCategory(String name) {
        return jdbc.sql("SELECT work_category FROM membership.application WHERE full_name = :name").param("name", name)
                .query(String.class).optional().orElse(null);
    }

    private Visitor applicant(String name, String nik) throws Exception {
        Visitor member = Visitor.signedInMember(port, mvc, name, Visitor.uniqueEmail("work"), PASSWORD);
        boolean woman = Integer.parseInt(nik.substring(6, 8)) > 40;
        assertThat(member.submit("/aktivasi", "/aktivasi/identitas", Applying.withAddress("nik", nik,
                "kk", "3273011503200012", "fullName", name, "birthPlace", "Bandung", "birthDate", "1990-05-12",
                "gender", woman ? "FEMALE" : "MALE", "motherMaidenName", "Sri Rahayu")).location()).isEqualTo("/aktivasi");
        return member;
    }

    /** The fields with {@code name} set to {@code value} (added when absent). */
    static String[] with(String[] fields, String name, String value) {
        String[] changed = fields.clone();
        for (int i = 0; i < changed.length; i += 2) {
            if (changed[i].equals(name)) {
                changed[i + 1] = value;
                return changed;
            }
        }
        String[] added = java.util.Arrays.copyOf(fields, fields.length + 2);
        added[fields.length] = name;
        added[fields.length + 1] = value;
        return added;
    }

    static String[] without(String[] fields, String name) {
        java.util.List<String> kept = new java.util.ArrayList<>();
        for (int i = 0; i < fields.length; i += 2) {
            if (!fields[i].equals(name)) {
                kept.add(fields[i]);
                kept.add(fields[i + 1]);
            }
        }
        return kept.toArray(String[]::new);
    }
}
