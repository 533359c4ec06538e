package id.jamsos.membership;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.account.Role;
import id.jamsos.account.Visitor;
import id.jamsos.account.internal.StaffAccounts;
import id.jamsos.common.EmailAddress;
import id.jamsos.common.Kpj;
import id.jamsos.common.MobileNumber;
import id.jamsos.common.PersonName;
import id.jamsos.membership.internal.Verification;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Officers verify applications: queue, claims, the full data and documents (audited), one decision that stands. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class VerificationTests {

    static final String PASSWORD = "sate ayam madura dengan bumbu kacang";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StaffAccounts staff;
    @Autowired
    Verification verification;
    @LocalServerPort
    int port;

    @Test
    void anOfficerClaimsReadsAndApprovesAndTheMemberGetsAKpj() throws Exception {
        Applicant applicant = applicant("Lestari Handayani", "3273015205900031");
        UUID application = applicant.application();
        Visitor first = officer("Petugas Satu");
        Visitor second = officer("Petugas Dua");

        assertThat(first.get("/petugas/aktivasi").body()).contains("Lestari Handayani");
        assertThat(first.submit("/petugas/aktivasi", "/petugas/aktivasi/" + application + "/klaim").location())
                .isEqualTo("/petugas/aktivasi/" + application);
        String page = first.get("/petugas/aktivasi/" + application).body();
        assertThat(page).contains("3273015205900031").contains("3273011503200012").contains("id=\"approve\"");
        assertThat(page).contains("Jl. Dago No. 12, RT 003/RW 005").contains("Kec. Coblong, Kota Bandung, Jawa Barat")
                .contains("+6281234567890").contains(applicant.email()).contains("PT Sumber Rejeki")
                .contains("Rp 5.000.000").contains("JHT, JKK, JKM, JP");
        HttpResponse<byte[]> ktp = first.download("/petugas/aktivasi/" + application + "/dokumen/KTP");
        assertThat(ktp.statusCode()).isEqualTo(200);
        assertThat(ktp.headers().firstValue("Content-Type")).hasValue("image/png");

        // The second officer sees who holds it and can neither take it nor decide.
        assertThat(second.get("/petugas/aktivasi").body()).contains("Petugas Satu");
        Visitor.Page held = second.submit("/petugas/aktivasi", "/petugas/aktivasi/" + application + "/klaim");
        assertThat(second.get(held.location()).body()).contains("dipegang petugas lain");
        second.submit("/petugas/aktivasi", "/petugas/aktivasi/" + application + "/setujui");
        assertThat(status(application)).isEqualTo("IN_REVIEW");

        Visitor.Page approved = first.submit("/petugas/aktivasi/" + application, "/petugas/aktivasi/" + application + "/setujui");
        assertThat(first.get(approved.location()).body()).contains("peserta telah mendapat nomor KPJ");
        assertThat(status(application)).isEqualTo("APPROVED");
        String kpj = jdbc.sql("SELECT kpj FROM membership.member WHERE application_id = :id").param("id", application)
                .query(String.class).single();
        assertThat(Kpj.parse(kpj).value()).startsWith(String.valueOf(java.time.Year.now().getValue() % 100));

        assertThat(applicant.member().get("/kepesertaan").body()).contains(kpj).contains("Aktif")
                .contains("<svg").contains("Kode QR untuk mengecek kartu ini")
                .contains("Penerima upah (PU)").contains("JHT, JKK, JKM, JP");
        MemberActivated activated = ActivatedMembers.of(kpj);
        assertThat(activated.category()).isEqualTo(MemberCategory.PU);
        assertThat(activated.programs()).containsExactly("JHT", "JKK", "JKM", "JP");
        assertThat(activated.declaredIncome()).isNull();
        assertThat(activated.accountId()).isEqualTo(jdbc.sql("SELECT account_id FROM membership.application WHERE id = :id")
                .param("id", application).query(UUID.class).single());
        String token = jdbc.sql("SELECT verify_token FROM membership.member WHERE application_id = :id")
                .param("id", application).query(String.class).single();
        Visitor anyone = new Visitor(port, mvc);
        Visitor.Page check = anyone.get("/verify/" + token);
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.body()).contains("L*****i H*******i").contains("Kartu ini asli dan kepesertaannya aktif")
                .doesNotContain("Lestari").doesNotContain(kpj).doesNotContain("3273015205900031");
        assertThat(anyone.get("/verify/" + "A".repeat(43)).status()).isEqualTo(404);
        assertThat(anyone.get("/verify/%3Cscript%3E").status()).isEqualTo(404);
        assertThat(applicant.member().get("/aktivasi").location()).isEqualTo("/kepesertaan");
        Visitor impostor = new Visitor(port, mvc);
        String impostorEmail = Visitor.uniqueEmail("impostor");
        impostor.registerAndVerify("Lestari Handayani", impostorEmail, PASSWORD);
        impostor.signInAsOwner(impostorEmail, PASSWORD);
        Visitor.Page taken = impostor.submit("/aktivasi", "/aktivasi/identitas", Applying.withAddress("nik", "3273015205900031",
                "kk", "3273011503200012", "fullName", "Lestari Handayani", "birthPlace", "Bandung",
                "birthDate", "1990-05-12", "gender", "FEMALE", "motherMaidenName", "Sri Rahayu"));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.body()).contains("NIK ini sudah terdaftar sebagai peserta");
        // The card as a PDF: the member's own, as an attachment; anyone else without a membership gets 404.
        HttpResponse<byte[]> pdf = applicant.member().download("/kepesertaan/kartu.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains(kpj).contains("Lestari Handayani").contains("Penerima upah (PU)")
                    .contains("JHT, JKK, JKM, JP").contains("Aktif").contains("Peserta sejak");
            assertThat(document.getPage(0).getResources().getXObjectNames()).as("the QR code image").isNotEmpty();
        }
        assertThat(impostor.download("/kepesertaan/kartu.pdf").statusCode()).isEqualTo(404);
        assertThat(new Visitor(port, mvc).download("/kepesertaan/kartu.pdf").statusCode()).isIn(302, 401);
        jakarta.mail.internet.MimeMessage welcome = id.jamsos.TestMail.awaitMessagesTo(applicant.email(), 3).get(2);
        assertThat(welcome.getSubject()).isEqualTo("Selamat datang: kepesertaan Jamsos Anda aktif");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(welcome)).contains(kpj);

        List<String> trail = jdbc.sql("SELECT action || ':' || outcome FROM audit.audit_event WHERE target_id = :id ORDER BY id")
                .param("id", application.toString()).query(String.class).list();
        assertThat(trail).contains("APPLICATION_CLAIMED:SUCCESS", "APPLICATION_VIEWED:SUCCESS", "DOCUMENT_VIEWED:SUCCESS",
                "APPLICATION_CLAIMED:DENIED", "APPLICATION_APPROVED:DENIED", "APPLICATION_APPROVED:SUCCESS");
    }

    @Test
    void anInformalWorkerBecomesABpuMemberWithTheProgramsChosenAndTheDeclaredIncome() throws Exception {
        Applicant applicant = applicant("Sri Mulyani", "3273015205900035", "category", "BPU", "occupation", "Penjahit",
                "workLocation", "Rumah sendiri", "declaredIncome", "3.500.000", "jht", "yes");
        Verification.Officer officer = new Verification.Officer(officerId("Petugas BPU"), "Petugas BPU",
                "bpu@example.id", "10.9.9.8");
        assertThat(verification.claim(applicant.application(), officer)).isEqualTo(Verification.Result.DONE);
        assertThat(verification.approve(applicant.application(), officer)).isEqualTo(Verification.Result.DONE);

        String row = jdbc.sql("SELECT category || ' ' || array_to_string(programs, ',') || ' ' || declared_income"
                        + " FROM membership.member WHERE application_id = :id")
                .param("id", applicant.application()).query(String.class).single();
        assertThat(row).isEqualTo("BPU JHT,JKK,JKM 3500000");
        String kpj = jdbc.sql("SELECT kpj FROM membership.member WHERE application_id = :id")
                .param("id", applicant.application()).query(String.class).single();
        MemberActivated activated = ActivatedMembers.of(kpj);
        assertThat(activated.category()).isEqualTo(MemberCategory.BPU);
        assertThat(activated.programs()).containsExactly("JHT", "JKK", "JKM");
        assertThat(activated.declaredIncome()).isEqualTo(id.jamsos.common.Rupiah.of(3_500_000));
        // The contribution module enrols the member for monthly BPU bills from the month of activation (after commit,
        // through the event publication registry).
        String enrolled = null;
        for (int i = 0; i < 100 && enrolled == null; i++) {
            enrolled = jdbc.sql("SELECT from_period || ' ' || declared_income || ' ' || programs"
                            + " FROM contribution.participation WHERE member_id = :member")
                    .param("member", activated.memberId()).query(String.class).optional().orElse(null);
            if (enrolled == null) {
                Thread.sleep(100);
            }
        }
        assertThat(enrolled).isEqualTo(java.time.YearMonth.from(activated.activatedOn()) + " 3500000 JHT,JKK,JKM");

        // The programs as the page lists them (the page as a whole may hold "JP" by chance, in its random CSRF token).
        assertThat(applicant.member().get("/kepesertaan").body()).contains("Bukan penerima upah (BPU)")
                .contains("JHT, JKK, JKM").doesNotContain("JKM, JP").doesNotContain("JP (Jaminan Pensiun)");
        Visitor.Page card = applicant.member().api("GET", "/api/v1/membership/card", null, null, null);
        assertThat(card.body()).contains("\"category\":\"BPU\"").contains("\"programs\":[\"JHT\",\"JKK\",\"JKM\"]")
                .contains("\"kpj\":\"" + kpj + "\"");
    }

    @Test
    void officersFilterTheQueueByCategoryAndStatusInTheAddress() throws Exception {
        Applicant wageEarner = applicant("Hendra Gunawan", "3273011205900036");
        applicant("Ratna Sari", "3273015205900037", "category", "BPU", "occupation", "Pedagang",
                "workLocation", "Pasar Baru", "declaredIncome", "2000000");
        Visitor officer = officer("Petugas Penyaring");

        String bpu = officer.get("/petugas/aktivasi?category=BPU").body();
        assertThat(bpu).contains("Ratna Sari").doesNotContain("Hendra Gunawan")
                .contains("<option value=\"BPU\" selected=\"selected\">");
        assertThat(officer.get("/petugas/aktivasi?category=PU&status=SUBMITTED").body()).contains("Hendra Gunawan")
                .doesNotContain("Ratna Sari");

        officer.submit("/petugas/aktivasi", "/petugas/aktivasi/" + wageEarner.application() + "/klaim");
        assertThat(officer.get("/petugas/aktivasi?status=SUBMITTED").body()).doesNotContain("Hendra Gunawan")
                .contains("Ratna Sari");
        assertThat(officer.get("/petugas/aktivasi?status=IN_REVIEW&category=PU&page=0").body()).contains("Hendra Gunawan")
                .doesNotContain("Ratna Sari");

        for (String bad : new String[] {"category=ASN", "status=APPROVED", "status=%3Cscript%3E", "category=pu"}) {
            Visitor.Page refused = officer.get("/petugas/aktivasi?" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.body()).as(bad).contains("Saringan itu tidak dikenal").doesNotContain("<script>")
                    .contains("Hendra Gunawan").contains("Ratna Sari");
        }
        assertThat(officer.get("/petugas/aktivasi?page=abc&category=&status=").status()).isEqualTo(200);
    }

    @Test
    void twoDecisionsAtTheSameMomentLeaveExactlyOne() throws Exception {
        UUID application = submitted("Yusuf Maulana", "3273011205900032");
        Verification.Officer officer = new Verification.Officer(officerId("Petugas Cepat"), "Petugas Cepat",
                "cepat@example.id", "10.9.9.9");
        assertThat(verification.claim(application, officer)).isEqualTo(Verification.Result.DONE);

        CountDownLatch start = new CountDownLatch(1);
        Callable<Verification.Result> approve = () -> {
            start.await();
            return verification.approve(application, officer);
        };
        Callable<Verification.Result> reject = () -> {
            start.await();
            return verification.reject(application, officer, "DATA_MISMATCH", null);
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Verification.Result>> results = List.of(pool.submit(approve), pool.submit(reject),
                    pool.submit(approve), pool.submit(reject));
            start.countDown();
            long done = 0;
            for (Future<Verification.Result> result : results) {
                if (result.get() == Verification.Result.DONE) {
                    done++;
                }
            }
            assertThat(done).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(status(application)).isIn("APPROVED", "REJECTED");
        assertThat(jdbc.sql("SELECT count(*) FROM membership.member WHERE application_id = :id").param("id", application)
                .query(Integer.class).single()).isEqualTo(status(application).equals("APPROVED") ? 1 : 0);
    }

    @Test
    void aRejectedApplicantIsToldWhyAndMayApplyAgain() throws Exception {
        Applicant applicant = applicant("Rudi Hartono", "3273011205900033");
        Visitor officer = officer("Petugas Teliti");
        officer.submit("/petugas/aktivasi", "/petugas/aktivasi/" + applicant.application() + "/klaim");
        Visitor.Page refused = officer.submit("/petugas/aktivasi/" + applicant.application(),
                "/petugas/aktivasi/" + applicant.application() + "/tolak", "reason", "BOGUS", "note", "x");
        assertThat(refused.location()).isEqualTo("/petugas/aktivasi/" + applicant.application());
        assertThat(status(applicant.application())).isEqualTo("IN_REVIEW");

        officer.submit("/petugas/aktivasi/" + applicant.application(),
                "/petugas/aktivasi/" + applicant.application() + "/tolak", "reason", "DOCUMENT_UNREADABLE",
                "note", "Foto KTP buram, mohon foto ulang di tempat terang.");
        assertThat(status(applicant.application())).isEqualTo("REJECTED");
        String page = applicant.member().get("/aktivasi").body();
        assertThat(page).contains("Pengajuan Anda sebelumnya ditolak: Dokumen tidak terbaca");
        jakarta.mail.internet.MimeMessage mail = id.jamsos.TestMail.awaitMessagesTo(applicant.email(), 3).get(2);
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail)).contains("Dokumen tidak terbaca")
                .contains("Foto KTP buram");
        // A new application with the same NIK is possible now that the old one is closed.
        assertThat(applicant.member().submit("/aktivasi", "/aktivasi/identitas", Applying.withAddress("nik", "3273011205900033",
                "kk", "3273011503200012", "fullName", "Rudi Hartono", "birthPlace", "Bandung", "birthDate", "1990-05-12",
                "gender", "MALE", "motherMaidenName", "Sri Rahayu")).location()).isEqualTo("/aktivasi");
    }

    @Test
    void anOfficerAsksForCorrectionsAndTheApplicantSendsItAgain() throws Exception {
        Applicant applicant = applicant("Wulan Sari", "3273015205900034");
        Visitor officer = officer("Petugas Cermat");
        String base = "/petugas/aktivasi/" + applicant.application();
        officer.submit("/petugas/aktivasi", base + "/klaim");

        officer.submit(base, base + "/perbaiki", "message", "tanpa isian");
        assertThat(status(applicant.application())).isEqualTo("IN_REVIEW");
        officer.submit(base, base + "/perbaiki", "field", "KTP", "field", "birthPlace",
                "message", "Foto KTP terpotong; tempat lahir di KTP tertulis Kota Bandung.");
        assertThat(status(applicant.application())).isEqualTo("CHANGES_REQUESTED");
        assertThat(officer.get("/petugas/aktivasi").body()).doesNotContain("Wulan Sari");

        String wizard = applicant.member().get("/aktivasi").body();
        assertThat(wizard).contains("Petugas meminta Anda memperbaiki").contains("Kartu Tanda Penduduk (KTP)")
                .contains("Tempat lahir").contains("Foto KTP terpotong");
        jakarta.mail.internet.MimeMessage mail = id.jamsos.TestMail.awaitMessagesTo(applicant.email(), 3).get(2);
        assertThat(mail.getSubject()).isEqualTo("Mohon perbaiki pengajuan kepesertaan Jamsos Anda");

        applicant.member().submit("/aktivasi", "/aktivasi/identitas", Applying.withAddress("nik", "3273015205900034", "kk", "3273011503200012",
                "fullName", "Wulan Sari", "birthPlace", "Kota Bandung", "birthDate", "1990-05-12", "gender", "FEMALE",
                "motherMaidenName", "Sri Rahayu"));
        assertThat(applicant.member().submit("/aktivasi/periksa", "/aktivasi/kirim", "consent", "yes").location())
                .isEqualTo("/aktivasi/status");
        assertThat(status(applicant.application())).isEqualTo("SUBMITTED");
        assertThat(officer.get("/petugas/aktivasi").body()).contains("Wulan Sari");
    }

    @Test
    void membersNeverReachTheQueue() throws Exception {
        String email = Visitor.uniqueEmail("nosy");
        Visitor member = new Visitor(port, mvc);
        member.registerAndVerify("Penasaran", email, PASSWORD);
        member.signInAsOwner(email, PASSWORD);
        assertThat(member.get("/petugas/aktivasi").status()).isEqualTo(403);
        assertThat(member.download("/petugas/aktivasi/" + UUID.randomUUID() + "/dokumen/KTP").statusCode()).isEqualTo(403);
    }

    private String status(UUID application) {
        return jdbc.sql("SELECT status FROM membership.application WHERE id = :id").param("id", application)
                .query(String.class).single();
    }

    record Applicant(UUID application, Visitor member, String email) {
    }

    private UUID submitted(String name, String nik) throws Exception {
        return applicant(name, nik).application();
    }

    /** A member's complete application as a wage earner, sent. */
    private Applicant applicant(String name, String nik) throws Exception {
        return applicant(name, nik, Applying.WAGE_EARNER);
    }

    @Test
    void anOfficerSeesAPdfDocumentAsAnImageRenderedOnTheServer() throws Exception {
        byte[] pdf;
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.A5));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            document.save(out);
            pdf = out.toByteArray();
        }
        Applicant applicant = applicant("Wulan Pratiwi", "3273015205900041", pdf, "category", "PU", "employerName",
                "PT Sumber Rejeki", "jobTitle", "Staf", "startDate", "2020-01-06", "monthlyWage", "5.000.000");
        Visitor officer = officer("Petugas Pratinjau");
        officer.submit("/petugas/aktivasi", "/petugas/aktivasi/" + applicant.application() + "/klaim");
        assertThat(officer.get("/petugas/aktivasi/" + applicant.application()).body())
                .contains("/dokumen/KK/pratinjau");

        HttpResponse<byte[]> original = officer.download("/petugas/aktivasi/" + applicant.application() + "/dokumen/KK");
        assertThat(original.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(original.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        HttpResponse<byte[]> preview = officer.download("/petugas/aktivasi/" + applicant.application()
                + "/dokumen/KK/pratinjau");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Content-Type")).hasValue("image/png");
        java.awt.image.BufferedImage page = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(preview.body()));
        assertThat(page.getHeight()).isGreaterThan(page.getWidth()).isLessThanOrEqualTo(1600);
        // Images pass through as they are; another member cannot reach either.
        assertThat(officer.download("/petugas/aktivasi/" + applicant.application() + "/dokumen/KTP/pratinjau")
                .headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(applicant.member().download("/petugas/aktivasi/" + applicant.application() + "/dokumen/KK/pratinjau")
                .statusCode()).isEqualTo(403);
    }

    /** A member's complete application with the work step given, sent. */
    private Applicant applicant(String name, String nik, String... work) throws Exception {
        return applicant(name, nik, null, work);
    }

    /** The same, with the KK uploaded as this PDF instead of an image when given. */
    private Applicant applicant(String name, String nik, byte[] kkPdf, String... work) throws Exception {
        String email = Visitor.uniqueEmail("applicant");
        Visitor member = new Visitor(port, mvc);
        member.registerAndVerify(name, email, PASSWORD);
        member.signInAsOwner(email, PASSWORD);
        boolean woman = Integer.parseInt(nik.substring(6, 8)) > 40;
        member.submit("/aktivasi", "/aktivasi/identitas", Applying.withAddress("nik", nik, "kk", "3273011503200012", "fullName", name,
                "birthPlace", "Bandung", "birthDate", "1990-05-12", "gender", woman ? "FEMALE" : "MALE",
                "motherMaidenName", "Sri Rahayu"));
        assertThat(member.submit("/aktivasi/pekerjaan", "/aktivasi/pekerjaan", work).location())
                .isEqualTo("/aktivasi/pekerjaan");
        member.upload("/aktivasi/dokumen", "/aktivasi/dokumen", "ktp.png", "image/png", DocumentStepTests.image("png"),
                "kind", "KTP");
        if (kkPdf == null) {
            member.upload("/aktivasi/dokumen", "/aktivasi/dokumen", "kk.png", "image/png", DocumentStepTests.image("png"),
                    "kind", "KK");
        } else {
            member.upload("/aktivasi/dokumen", "/aktivasi/dokumen", "kk.pdf", "application/pdf", kkPdf, "kind", "KK");
        }
        assertThat(member.submit("/aktivasi/periksa", "/aktivasi/kirim", "consent", "yes").location())
                .isEqualTo("/aktivasi/status");
        return new Applicant(jdbc.sql("""
                        SELECT a.id FROM membership.application a JOIN account.account c ON c.id = a.account_id
                         WHERE c.email = :e""").param("e", email).query(UUID.class).single(), member, email);
    }

    private UUID officerId(String name) {
        String email = Visitor.uniqueEmail("officer");
        staff.createWithPassword(PersonName.parse(name), EmailAddress.parse(email), MobileNumber.parse("081200000000"),
                Role.OFFICER, PASSWORD, "test");
        return jdbc.sql("SELECT id FROM account.account WHERE email = :e").param("e", email).query(UUID.class).single();
    }

    private Visitor officer(String name) throws Exception {
        String email = Visitor.uniqueEmail("officer");
        staff.createWithPassword(PersonName.parse(name), EmailAddress.parse(email), MobileNumber.parse("081200000000"),
                Role.OFFICER, PASSWORD, "test");
        Visitor officer = new Visitor(port, mvc);
        assertThat(officer.signIn(email, PASSWORD).location()).startsWith("/akun");
        return officer;
    }
}
