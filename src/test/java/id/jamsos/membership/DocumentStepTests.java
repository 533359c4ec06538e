package id.jamsos.membership;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.account.Visitor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Step 3 of activation: KTP and KK uploads, decided by content, sealed, shown only to their owner. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
public class DocumentStepTests {

    static final String PASSWORD = "es teh manis di siang yang panas";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void aMemberUploadsAPhotoOfTheKtpAndOnlyTheyCanSeeIt() throws Exception {
        Visitor member = member("Fajar Nugroho");
        byte[] photo = image("png");

        Visitor.Page uploaded = member.upload("/aktivasi/dokumen", "/aktivasi/dokumen", "KTP saya.png", "image/png",
                photo, "kind", "KTP");
        assertThat(uploaded.location()).isEqualTo("/aktivasi/dokumen");
        assertThat(member.get("/aktivasi/dokumen").body()).contains("KTP Anda tersimpan").contains("src=\"/aktivasi/dokumen/KTP\"");

        HttpResponse<byte[]> shown = member.download("/aktivasi/dokumen/KTP");
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(shown.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(shown.headers().firstValue("Content-Security-Policy")).get().asString().contains("sandbox");
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(shown.body())).getWidth()).isEqualTo(40);

        byte[] sealed = jdbc.sql("SELECT sealed FROM document.document ORDER BY created_at DESC LIMIT 1")
                .query(byte[].class).single();
        assertThat(sealed[0]).as("a sealed value, version 1").isEqualTo((byte) 1);

        Visitor other = member("Orang Lain");
        assertThat(other.download("/aktivasi/dokumen/KTP").statusCode()).isEqualTo(404);
        assertThat(other.download("/aktivasi/dokumen/..%2F..%2Fetc").statusCode()).isIn(400, 404);
        Visitor officer = new Visitor(port, mvc);
        officer.signInAsOwner("petugas@demo.jamsos.test", "Petugas-Demo-Jamsos-2");
        assertThat(officer.download("/aktivasi/dokumen/KTP").statusCode()).isEqualTo(403);
        assertThat(new Visitor(port, mvc).download("/aktivasi/dokumen/KTP").statusCode()).isEqualTo(302);
    }

    @Test
    void hostileUploadsAreRefusedWithTheirReasonAndNothingIsStored() throws Exception {
        Visitor member = member("Gita Permata");
        int before = documents();

        refused(member, "ktp.jpg", "image/jpeg", "<html><body><script>alert(1)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8), "kode halaman web");
        refused(member, "ktp.jpg", "image/jpeg", "just some text, not a picture".getBytes(StandardCharsets.UTF_8),
                "Hanya berkas JPEG, PNG, atau PDF");
        refused(member, "ktp.pdf", "application/pdf", pdf("/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"),
                "berisi skrip atau aksi");
        refused(member, "ktp.jpg", "image/jpeg", new byte[0], "berkas ini kosong");
        refused(member, "ktp.jpg", "image/jpeg", polyglot(), "kode halaman web");
        refused(member, "../../etc/ktp.png", "image/png", image("png"), "Nama berkas tidak dapat diterima");
        refused(member, "ktp.jpg", "image/jpeg", truncated(image("jpg")), "tidak dapat dibaca");

        Visitor.Page tooLarge = member.upload("/aktivasi/dokumen", "/aktivasi/dokumen", "ktp.jpg", "image/jpeg",
                new byte[6 * 1024 * 1024], "kind", "KTP");
        assertThat(tooLarge.status()).isEqualTo(303);
        assertThat(member.get(tooLarge.location()).body()).contains("Berkas terlalu besar: paling besar 5 MB")
                .contains("role=\"alert\"");

        Visitor.Page noKind = member.upload("/aktivasi/dokumen", "/aktivasi/dokumen", "ktp.png", "image/png",
                image("png"), "kind", "PASPOR");
        assertThat(noKind.status()).isEqualTo(400);

        assertThat(documents()).isEqualTo(before);
    }

    @Test
    void aCleanPdfIsKeptAndDownloadedNotShown() throws Exception {
        Visitor member = member("Hadi Wijaya");
        assertThat(member.upload("/aktivasi/dokumen", "/aktivasi/dokumen", "kk.pdf", "application/pdf",
                pdf("/Type /Catalog"), "kind", "KK").location()).isEqualTo("/aktivasi/dokumen");
        HttpResponse<byte[]> shown = member.download("/aktivasi/dokumen/KK");
        assertThat(shown.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(shown.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment");
    }

    private void refused(Visitor member, String name, String type, byte[] content, String message) throws Exception {
        Visitor.Page page = member.upload("/aktivasi/dokumen", "/aktivasi/dokumen", name, type, content, "kind", "KTP");
        assertThat(page.status()).as(message).isEqualTo(400);
        assertThat(page.body()).as(message).contains(message).contains("role=\"alert\"");
    }

    private Visitor member(String name) throws Exception {
        return Visitor.signedInMember(port, mvc, name, Visitor.uniqueEmail("docs"), PASSWORD);
    }

    private int documents() {
        return jdbc.sql("SELECT count(*) FROM document.document").query(Integer.class).single();
    }

    public static byte[] image(String format) throws Exception {
        BufferedImage image = new BufferedImage(40, 25, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0x0b5d3b);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** A real JPEG with a web page appended: a browser that sniffs it would run the script. */
    static byte[] polyglot() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(image("jpg"));
        out.write("<!DOCTYPE html><script>alert(document.cookie)</script>".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static byte[] truncated(byte[] jpeg) {
        return java.util.Arrays.copyOf(jpeg, 40);
    }

    static byte[] pdf(String catalogEntries) {
        String body = "%PDF-1.4\n1 0 obj << " + catalogEntries + " >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        return body.getBytes(StandardCharsets.ISO_8859_1);
    }
}
