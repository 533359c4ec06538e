package id.jamsos.membership;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.account.Visitor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Step 1 of online activation: identity saved as a draft, NIK checked and sealed, one open application per person. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class IdentityStepTests {

    static final String PASSWORD = "nasi goreng kampung pakai telur";
    static final String NIK = "3273011205900001";
    static final String KK = "3273011503200012";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void aMemberSavesIdentityAndSeesOnlyMaskedNumbersBack() throws Exception {
        Visitor member = member("Andi Saputra");
        String nik = "3273011205900002";
        Visitor.Page saved = member.submit("/aktivasi", "/aktivasi/identitas",
                identity(nik, "1990-05-12", "MALE", "Andi Saputra"));
        assertThat(saved.location()).isEqualTo("/aktivasi");

        String page = member.get("/aktivasi").body();
        assertThat(page).contains("Data identitas Anda tersimpan").contains("327301********02")
                .doesNotContain(nik).doesNotContain(KK).contains("value=\"1990-05-12\"");

        byte[] sealed = jdbc.sql("SELECT nik_sealed FROM membership.application WHERE nik_hash IS NOT NULL"
                        + " AND full_name = 'Andi Saputra'").query(byte[].class).single();
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(nik);

        // Saving again changes the same draft, never a second application.
        member.submit("/aktivasi", "/aktivasi/identitas", identity(nik, "1990-05-12", "MALE", "Andi Saputra"));
        assertThat(jdbc.sql("SELECT count(*) FROM membership.application WHERE full_name = 'Andi Saputra'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aNikThatDisagreesWithTheFormIsRefusedWithItsReason() throws Exception {
        Visitor member = member("Sari Dewi");
        int before = applications();

        assertRefused(member, identity("3273011205900003", "1990-05-13", "MALE"), "Tanggal lahir berbeda");
        assertRefused(member, identity("3273011205900003", "1990-05-12", "FEMALE"), "NIK ini milik laki-laki");
        assertRefused(member, identity("9999991205900003", "1990-05-12", "MALE"), "bukan kode kecamatan");
        assertRefused(member, identity("32730112059", "1990-05-12", "MALE"), "NIK terdiri atas 16 angka");
        assertRefused(member, identity("3273011205900003", "2999-01-01", "MALE"), "tidak boleh di masa depan");
        assertRefused(member, identity("3273011205900003", "1990-05-12", "OTHER"), "Pilih jenis kelamin");
        assertRefused(member, identity("<script>alert(1)</script>", "'; DROP TABLE x", "MALE"), "NIK");

        assertThat(applications()).isEqualTo(before);
    }

    @Test
    void theSameNikCannotBeInTwoOpenApplications() throws Exception {
        String nik = "3273015205900004"; // a woman born 12 May 1990
        Visitor first = member("Rina Lestari");
        assertThat(first.submit("/aktivasi", "/aktivasi/identitas", identity(nik, "1990-05-12", "FEMALE")).location())
                .isEqualTo("/aktivasi");

        Visitor second = member("Orang Lain");
        assertRefused(second, identity(nik, "1990-05-12", "FEMALE"), "sudah ada dalam pengajuan lain");
    }

    @Test
    void staffAndStrangersHaveNoApplication() throws Exception {
        Visitor stranger = new Visitor(port, mvc);
        assertThat(stranger.get("/aktivasi").location()).isEqualTo("/masuk");
        Visitor officer = new Visitor(port, mvc);
        officer.signIn("petugas@demo.jamsos.test", "Petugas-Demo-Jamsos-2");
        assertThat(officer.get("/aktivasi").status()).isEqualTo(403);
    }

    private void assertRefused(Visitor member, String[] fields, String message) throws Exception {
        Visitor.Page refused = member.submit("/aktivasi", "/aktivasi/identitas", fields);
        assertThat(refused.status()).as(message).isEqualTo(400);
        assertThat(refused.body()).as(message).contains(message).contains("role=\"alert\"")
                .doesNotContain("<script>alert(1)</script>");
    }

    private Visitor member(String name) throws Exception {
        return Visitor.signedInMember(port, mvc, name, Visitor.uniqueEmail("member"), PASSWORD);
    }

    private int applications() {
        return jdbc.sql("SELECT count(*) FROM membership.application").query(Integer.class).single();
    }

    private static String[] identity(String nik, String birthDate, String gender) {
        return identity(nik, birthDate, gender, "Budi Utomo");
    }

    private static String[] identity(String nik, String birthDate, String gender, String fullName) {
        return List.of("nik", nik, "kk", KK, "fullName", fullName, "birthPlace", "Bandung",
                "birthDate", birthDate, "gender", gender, "motherMaidenName", "Siti Aminah").toArray(String[]::new);
    }
}
