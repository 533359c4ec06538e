package id.jamsos.membership;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.TestMail;
import id.jamsos.account.Visitor;
import id.jamsos.common.WorkingDays;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Review and submit: complete, with consent, once; then a status page with the decision's due date. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class SubmissionTests {

    static final String PASSWORD = "kereta api berangkat pukul tujuh";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void aCompleteApplicationIsSentOnceWithConsentAndGetsADueDate() throws Exception {
        String email = Visitor.uniqueEmail("submit");
        Visitor member = member("Indah Permatasari", email);

        Visitor.Page incomplete = member.get("/aktivasi/periksa");
        assertThat(incomplete.body()).contains("Data identitas Anda (langkah 1) belum lengkap")
                .contains("Data pekerjaan Anda (langkah 2) belum diisi")
                .contains("Foto KTP Anda belum ada").doesNotContain("id=\"submit-form\"");
        assertThat(member.submit("/aktivasi/periksa", "/aktivasi/kirim", "consent", "yes").status()).isEqualTo(400);

        member.submit("/aktivasi", "/aktivasi/identitas", Applying.withAddress("nik", "3273015205900021", "kk", "3273011503200012",
                "fullName", "Indah Permatasari", "birthPlace", "Cimahi", "birthDate", "1990-05-12",
                "gender", "FEMALE", "motherMaidenName", "Sri Rahayu"));
        Applying.saveWork(member);
        member.upload("/aktivasi/dokumen", "/aktivasi/dokumen", "ktp.png", "image/png", DocumentStepTests.image("png"),
                "kind", "KTP");
        member.upload("/aktivasi/dokumen", "/aktivasi/dokumen", "kk.jpg", "image/jpeg", DocumentStepTests.image("jpg"),
                "kind", "KK");

        Visitor.Page noConsent = member.submit("/aktivasi/periksa", "/aktivasi/kirim");
        assertThat(noConsent.status()).isEqualTo(400);
        assertThat(noConsent.body()).contains("Centang kotak persetujuan");

        Visitor.Page sent = member.submit("/aktivasi/periksa", "/aktivasi/kirim", "consent", "yes");
        assertThat(sent.location()).isEqualTo("/aktivasi/status");
        // A second click, or a second device, changes nothing.
        assertThat(member.submit("/aktivasi/dokumen", "/aktivasi/kirim", "consent", "yes").location())
                .isEqualTo("/aktivasi/status");

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        WorkingDays workingDays = new WorkingDays(new HashSet<>(jdbc.sql("SELECT day FROM calendar.holiday")
                .query(LocalDate.class).list()));
        LocalDate due = workingDays.plus(today, 5);
        List<LocalDate> stored = jdbc.sql("""
                        SELECT a.decision_due FROM membership.application a
                          JOIN account.account c ON c.id = a.account_id WHERE c.email = :e""")
                .param("e", email).query(LocalDate.class).list();
        assertThat(stored).containsExactly(due);

        String status = member.get("/aktivasi/status").body();
        assertThat(status).contains("Petugas memutuskan paling lambat")
                .contains(due.format(DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.forLanguageTag("id"))));
        assertThat(member.get("/aktivasi").location()).isEqualTo("/aktivasi/status");
        assertThat(member.submit("/aktivasi/status", "/aktivasi/identitas", "nik", "3273015205900021").status())
                .isEqualTo(400);

        MimeMessage mail = TestMail.awaitMessagesTo(email, 2).get(1);
        assertThat(mail.getSubject()).isEqualTo("Pengajuan kepesertaan Jamsos Anda telah diterima");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE actor = :e AND action = 'APPLICATION_SUBMITTED'")
                .param("e", email).query(Integer.class).single()).isEqualTo(1);
    }

    private Visitor member(String name, String email) throws Exception {
        return Visitor.signedInMember(port, mvc, name, email, PASSWORD);
    }
}
