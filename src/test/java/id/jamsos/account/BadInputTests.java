package id.jamsos.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every account form, sent malformed and hostile values field by field: each answer is a 4xx page with a message in
 * the reader's language, the value comes back escaped, and nothing is written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class BadInputTests {

    static final String PASSWORD = "danau toba yang luas dan biru sekali";
    static final List<String> HOSTILE = List.of(
            "",
            "   ",
            "a".repeat(10_000),
            "' OR 1=1 --",
            "x'); DROP TABLE account.account; --",
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "\u0000\u0007",
            "\uFFFD",
            "12345");
    /** Invalid UTF-8: percent-encoded, and raw bytes. */
    static final List<byte[]> BROKEN_UTF8 = List.of(
            "%C3%28%A0%A1".getBytes(StandardCharsets.US_ASCII),
            new byte[] {(byte) 0xC3, 0x28, (byte) 0xA0, (byte) 0xA1});

    record Form(String page, String action, Map<String, String> valid) {
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void publicFormsRefuseHostileValuesInBothLanguagesAndWriteNothing() throws Exception {
        List<Form> forms = List.of(
                new Form("/daftar", "/daftar", fields("fullName", "Rina Wulandari", "email", Visitor.uniqueEmail("bad"),
                        "mobileNumber", "081234567890", "password", PASSWORD, "altcha", "bm90IGEgc29sdXRpb24=")),
                new Form("/masuk", "/masuk", fields("username", Visitor.uniqueEmail("bad"), "password", PASSWORD)),
                new Form("/lupa-sandi", "/lupa-sandi", fields("email", Visitor.uniqueEmail("bad"), "altcha", "x")),
                new Form("/daftar/terkirim", "/verifikasi/kirim-ulang", fields("email", "")),
                new Form("/lupa-sandi", "/atur-ulang-sandi", fields("token", "AAAA", "password", PASSWORD,
                        "passwordAgain", PASSWORD)));
        for (String language : List.of("id", "en")) {
            Visitor visitor = new Visitor(port, mvc);
            visitor.get("/?lang=" + language);
            attack(visitor, forms, language);
        }
    }

    @Test
    void signedInFormsRefuseHostileValuesAndWriteNothing() throws Exception {
        String email = Visitor.uniqueEmail("settings");
        Visitor member = new Visitor(port, mvc);
        member.registerAndVerify("Siti Nurbaya", email, PASSWORD);
        member.signIn(email, PASSWORD);
        List<Form> forms = List.of(
                new Form("/akun", "/akun/sandi", fields("currentPassword", "bukan kata sandinya", "newPassword", PASSWORD)),
                new Form("/akun", "/akun/surel", fields("newEmail", Visitor.uniqueEmail("new"), "currentPassword",
                        "bukan kata sandinya")));
        attack(member, forms, "id");
        assertThat(member.get("/akun").status()).as("still signed in with the same password").isEqualTo(200);
    }

    @Test
    void theAdministratorsFormRefusesHostileValuesAndWriteNothing() throws Exception {
        Visitor admin = new Visitor(port, mvc);
        admin.signIn("admin@demo.jamsos.test", "Admin-Demo-Jamsos-4");
        assertThat(admin.get("/admin/akun").status()).isEqualTo(200);
        List<Form> forms = List.of(new Form("/admin/akun", "/admin/akun", fields("fullName", "Petugas Baru",
                "email", "demo@demo.jamsos.test", "mobileNumber", "081234567890", "role", "OFFICER")));
        attack(admin, forms, "id");
        assertThat(admin.get("/admin/akun?page=abc").status()).isEqualTo(200);
        assertThat(admin.get("/admin/audit?page=-5&action=%3Cscript%3E").status()).isLessThan(500);
    }

    /** Each field of each form gets each hostile value while the others stay valid. */
    private void attack(Visitor visitor, List<Form> forms, String language) throws Exception {
        Map<String, Integer> before = rows();
        SoftAssertions softly = new SoftAssertions();
        for (Form form : forms) {
            for (String field : form.valid().keySet()) {
                for (String value : HOSTILE) {
                    Map<String, String> sent = new LinkedHashMap<>(form.valid());
                    sent.put(field, value);
                    Visitor.Page page = visitor.submit(form.page(), form.action(), flatten(sent));
                    String what = form.action() + " " + field + "=" + abbreviated(value) + " (" + language + ")";
                    softly.assertThat(page.status()).as(what).isBetween(400, 499);
                    softly.assertThat(page.body()).as(what).doesNotContain("<script>alert(1)</script>")
                            .doesNotContain("<img src=x").containsPattern("role=\"alert\"").contains("lang=\"" + language + "\"")
                            .doesNotContain("validation.").doesNotContain("??").doesNotContain("{0}");
                }
                for (byte[] broken : BROKEN_UTF8) {
                    Map<String, String> others = new LinkedHashMap<>(form.valid());
                    others.remove(field);
                    byte[] body = concat(encoded(others), (field + "=").getBytes(StandardCharsets.US_ASCII), broken);
                    Visitor.Page page = visitor.submitRaw(form.page(), form.action(), body);
                    softly.assertThat(page.status()).as(form.action() + " " + field + " broken UTF-8").isBetween(400, 499);
                }
            }
        }
        softly.assertThat(rows()).as("rows written").isEqualTo(before);
        softly.assertAll();
    }

    private Map<String, Integer> rows() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String table : List.of("account.account", "account.email_token", "notification.outbox_email")) {
            counts.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single());
        }
        return counts;
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private static String[] flatten(Map<String, String> fields) {
        List<String> flat = new ArrayList<>();
        fields.forEach((name, value) -> {
            flat.add(name);
            flat.add(value);
        });
        return flat.toArray(String[]::new);
    }

    private static byte[] encoded(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(name).append('=')
                .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&'));
        return body.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static String abbreviated(String value) {
        return value.length() > 30 ? value.substring(0, 30) + "… (" + value.length() + ")" : value;
    }
}
