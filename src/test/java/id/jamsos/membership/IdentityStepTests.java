package id.jamsos.membership;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.account.Visitor;
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
        // The mobile number given at registration is offered, and may be changed; the e-mail is the account's.
        String empty = member.get("/aktivasi").body();
        assertThat(empty).contains("id=\"mobileNumber\"").contains("value=\"+6281298765432\"")
                .containsPattern("id=\"account-email\" value=\"member-[^\"]+@example.id\" readonly");
        Visitor.Page saved = member.submit("/aktivasi", "/aktivasi/identitas",
                identity(nik, "1990-05-12", "MALE", "Andi Saputra"));
        assertThat(saved.location()).isEqualTo("/aktivasi");

        String page = member.get("/aktivasi").body();
        assertThat(page).contains("Data identitas Anda tersimpan").contains("327301********02")
                .doesNotContain(nik).doesNotContain(KK).contains("value=\"1990-05-12\"");

        byte[] sealed = jdbc.sql("SELECT nik_sealed FROM membership.application WHERE nik_hash IS NOT NULL"
                        + " AND full_name = 'Andi Saputra'").query(byte[].class).single();
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(nik);

        assertThat(page).contains("<option value=\"327302\" selected=\"selected\">Coblong</option>")
                .contains("value=\"Jl. Dago No. 12\"").contains("value=\"+6281234567890\"");
        assertThat(member.get("/aktivasi/periksa").body()).contains("Jl. Dago No. 12, RT 003/RW 005")
                .contains("Kec. Coblong, Kota Bandung, Jawa Barat");

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
    void anAddressIsChosenFromTheCurrentListEachPartInsideTheOneAbove() throws Exception {
        Visitor member = member("Joko Susilo");
        int before = applications();
        String nik = "3273011205900005";
        // Kota Bogor (3271) is in Jawa Barat, but Coblong (327302) is in Kota Bandung.
        assertRefused(member, address(identity(nik, "1990-05-12", "MALE"), "district", "327101X"), "Pilih kecamatan");
        assertRefused(member, address(identity(nik, "1990-05-12", "MALE"), "district", "327101"), "Pilih kecamatan");
        // Kota Surabaya (3578) is not in Jawa Barat.
        assertRefused(member, address(identity(nik, "1990-05-12", "MALE"), "regency", "3578"), "Pilih kabupaten/kota");
        // Ma'u (120428) is a district of an earlier list only: fine in an old NIK, not for a new address.
        assertRefused(member, address(address(address(identity(nik, "1990-05-12", "MALE"), "province", "12"),
                "regency", "1204"), "district", "120428"), "Pilih kecamatan");
        assertRefused(member, address(identity(nik, "1990-05-12", "MALE"), "province", "99"), "Pilih provinsi");
        assertRefused(member, address(identity(nik, "1990-05-12", "MALE"), "rt", "3a"), "RT dan RW dengan angka");
        assertRefused(member, address(identity(nik, "1990-05-12", "MALE"), "street", " "), "Wajib diisi");
        assertRefused(member, address(identity(nik, "1990-05-12", "MALE"), "mobileNumber", "12345"), "nomor ponsel");
        assertThat(applications()).isEqualTo(before);
    }

    @Test
    void withoutScriptAChooseButtonShowsTheNextListAndHtmxSwapsItInPlace() throws Exception {
        Visitor member = member("Tono Wibowo");
        int before = applications();
        Visitor.Page chosen = member.submit("/aktivasi", "/aktivasi/identitas", "fullName", "Tono Wibowo",
                "province", "32", "regency", "", "choose", "province");
        assertThat(chosen.status()).isEqualTo(200);
        assertThat(chosen.body()).contains("<option value=\"3273\">Kota Bandung</option>")
                .contains("value=\"Tono Wibowo\"").doesNotContain("role=\"alert\"");
        chosen = member.submit("/aktivasi", "/aktivasi/identitas", "province", "32", "regency", "3273", "choose", "regency");
        assertThat(chosen.body()).contains(">Coblong</option>").doesNotContain(">Bojonegara</option>");
        assertThat(applications()).isEqualTo(before);

        String fragment = member.get("/aktivasi/wilayah?province=32&regency=3273&district=327302").body();
        assertThat(fragment).startsWith("<div id=\"region-fields\"").contains("hx-get=\"/aktivasi/wilayah\"")
                .contains("<option value=\"327302\" selected=\"selected\">Coblong</option>").doesNotContain("<html");
        // Another province: the regency and district chosen before no longer fit and are cleared.
        fragment = member.get("/aktivasi/wilayah?province=35&regency=3273&district=327302").body();
        assertThat(fragment).contains(">Kota Surabaya</option>").doesNotContain("selected=\"selected\">Kota Bandung")
                .doesNotContain(">Coblong</option>");
        assertThat(member.get("/aktivasi/wilayah?province=%3Cscript%3E&regency=x").status()).isEqualTo(200);
        assertThat(new Visitor(port, mvc).get("/aktivasi/wilayah?province=32").location()).isEqualTo("/masuk");
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
        officer.signInAsOwner("petugas@demo.jamsos.test", "Petugas-Demo-Jamsos-2");
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

    /** The fields with one of them replaced. */
    private static String[] address(String[] fields, String name, String value) {
        String[] changed = fields.clone();
        for (int i = 0; i < changed.length; i += 2) {
            if (changed[i].equals(name)) {
                changed[i + 1] = value;
            }
        }
        return changed;
    }

    private static String[] identity(String nik, String birthDate, String gender) {
        return identity(nik, birthDate, gender, "Budi Utomo");
    }

    private static String[] identity(String nik, String birthDate, String gender, String fullName) {
        return Applying.withAddress("nik", nik, "kk", KK, "fullName", fullName, "birthPlace", "Bandung",
                "birthDate", birthDate, "gender", gender, "motherMaidenName", "Siti Aminah");
    }
}
