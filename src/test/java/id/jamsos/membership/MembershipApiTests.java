package id.jamsos.membership;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.account.Visitor;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The activation journey through /api/v1, as the mobile app uses it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class MembershipApiTests {

    static final String PASSWORD = "bakso urat kuah panas pedas sekali";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @LocalServerPort
    int port;

    @Test
    void aMemberAppliesThroughTheApi() throws Exception {
        Visitor app = member("Kurniawan Adi");

        assertThat(app.api("GET", "/api/v1/membership/application", null, null, null).status()).isEqualTo(404);

        Visitor.Page invalid = json(app, "PUT", "/api/v1/membership/application/identity", """
                {"nik":"3273011205900041","kk":"123","fullName":"Kurniawan Adi","birthPlace":"Bandung",
                 "birthDate":"1990-05-13","gender":"MALE","motherMaidenName":"Siti",""" + Applying.addressJson() + "}");
        assertThat(invalid.status()).isEqualTo(400);
        JsonNode problem = JSON.readTree(invalid.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://jamsos.id/problems/invalid-input");
        assertThat(problem.get("errors").get("kk").asString()).contains("16 angka");

        Visitor.Page mismatch = json(app, "PUT", "/api/v1/membership/application/identity", """
                {"nik":"3273011205900041","kk":"3273011503200012","fullName":"Kurniawan Adi","birthPlace":"Bandung",
                 "birthDate":"1990-05-13","gender":"MALE","motherMaidenName":"Siti",""" + Applying.addressJson() + "}");
        assertThat(JSON.readTree(mismatch.body()).get("errors").get("nik").asString()).contains("Tanggal lahir berbeda");

        // The first version's JSON, without an address, still parses; each missing part is named.
        JsonNode noAddress = JSON.readTree(json(app, "PUT", "/api/v1/membership/application/identity", """
                {"nik":"3273011205900041","kk":"3273011503200012","fullName":"Kurniawan Adi","birthPlace":"Bandung",
                 "birthDate":"1990-05-12","gender":"MALE","motherMaidenName":"Siti"}""").body()).get("errors");
        assertThat(noAddress.get("province").asString()).contains("Pilih provinsi");
        assertThat(noAddress.get("street").asString()).contains("Wajib diisi");
        assertThat(noAddress.get("mobileNumber").asString()).contains("Wajib diisi");
        assertThat(noAddress.has("nik")).isFalse();

        Visitor.Page saved = json(app, "PUT", "/api/v1/membership/application/identity", """
                {"nik":"3273011205900041","kk":"3273011503200012","fullName":"Kurniawan Adi","birthPlace":"Bandung",
                 "birthDate":"1990-05-12","gender":"MALE","motherMaidenName":"Siti",""" + Applying.addressJson() + "}");
        assertThat(saved.status()).isEqualTo(200);
        JsonNode draft = JSON.readTree(saved.body());
        assertThat(draft.get("maskedNik").asString()).isEqualTo("327301********41");
        assertThat(saved.body()).doesNotContain("3273011205900041");
        assertThat(draft.get("address").get("districtName").asString()).isEqualTo("Coblong");
        assertThat(draft.get("address").get("regencyName").asString()).isEqualTo("Kota Bandung");
        assertThat(draft.get("mobileNumber").asString()).isEqualTo("+6281234567890");
        assertThat(draft.get("email").asString()).startsWith("api");
        assertThat(draft.get("missing")).hasSize(3);
        assertThat(json(app, "PUT", "/api/v1/membership/application/work", """
                {"category":"PU","employerName":"PT Maju","jobTitle":"Kasir","startDate":"2021-03-01",
                 "monthlyWage":"4500000"}""").status()).isEqualTo(200);

        assertThat(app.api("PUT", "/api/v1/membership/application/documents/KTP", "image/png",
                DocumentStepTests.image("png"), "/akun").status()).isEqualTo(204);
        Visitor.Page html = app.api("PUT", "/api/v1/membership/application/documents/KK", "image/jpeg",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), "/akun");
        assertThat(html.status()).isEqualTo(400);
        assertThat(JSON.readTree(html.body()).get("errors").get("file").asString()).contains("kode halaman web");
        assertThat(app.api("PUT", "/api/v1/membership/application/documents/PASPOR", "image/png",
                DocumentStepTests.image("png"), "/akun").status()).isEqualTo(400);
        assertThat(app.api("PUT", "/api/v1/membership/application/documents/KK", "image/jpeg",
                DocumentStepTests.image("jpg"), "/akun").status()).isEqualTo(204);

        Visitor.Page noConsent = json(app, "POST", "/api/v1/membership/application/submission", "{\"consent\":false}");
        assertThat(noConsent.status()).isEqualTo(400);
        assertThat(JSON.readTree(noConsent.body()).get("errors").has("consent")).isTrue();
        Visitor.Page sent = json(app, "POST", "/api/v1/membership/application/submission", "{\"consent\":true}");
        assertThat(sent.status()).isEqualTo(200);
        assertThat(JSON.readTree(sent.body()).get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(JSON.readTree(sent.body()).get("decisionDue").asString()).matches("\\d{4}-\\d{2}-\\d{2}");

        assertThat(app.api("GET", "/api/v1/membership/card", null, null, null).status()).isEqualTo(404);
    }

    @Test
    void malformedRequestsAreClientErrorsAndStrangersGet401() throws Exception {
        Visitor app = member("Lina Marlina");
        assertThat(json(app, "PUT", "/api/v1/membership/application/identity", "{not json").status()).isEqualTo(400);
        assertThat(json(app, "PUT", "/api/v1/membership/application/identity", "[1,2,3]").status()).isEqualTo(400);
        assertThat(json(app, "POST", "/api/v1/membership/application/submission", "{\"consent\":\"maybe\"}").status())
                .isBetween(400, 499);
        Visitor stranger = new Visitor(port, mvc);
        assertThat(stranger.api("GET", "/api/v1/membership/application", null, null, null).status()).isEqualTo(401);
    }

    @Test
    void theApiIsDocumented() throws Exception {
        Visitor.Page docs = new Visitor(port, mvc).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/membership/application/identity").contains("/api/v1/membership/card")
                .contains("/api/v1/membership/application/work")
                .contains("Jamsos API");
    }

    private static Visitor.Page json(Visitor app, String method, String path, String body) throws Exception {
        return app.api(method, path, "application/json", body.getBytes(StandardCharsets.UTF_8), "/akun");
    }

    private Visitor member(String name) throws Exception {
        return Visitor.signedInMember(port, mvc, name, Visitor.uniqueEmail("api"), PASSWORD);
    }
}
