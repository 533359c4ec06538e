package id.jamsos.reactivation;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.account.Visitor;
import id.jamsos.common.Period;
import id.jamsos.contribution.InformalWorkers;
import id.jamsos.membership.DocumentStepTests;
import id.jamsos.membership.LapseReason;
import id.jamsos.membership.Members;
import id.jamsos.platform.PersonalData;
import id.jamsos.reactivation.ReactivationFixtures.TestMember;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The officer attaches scans of the KTP and KK brought; the document module's content checks refuse a fake. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ReactivationScansTests {

    static final String BASE = "/petugas/reaktivasi/";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalData personalData;
    @Autowired
    InformalWorkers informalWorkers;
    @Autowired
    Members members;
    @LocalServerPort
    int port;

    @Test
    void anOfficerAttachesARealScanAndAFakeIsRefused() throws Exception {
        ReactivationFixtures fixtures = new ReactivationFixtures(jdbc, personalData, informalWorkers);
        String email = Visitor.uniqueEmail("bpu-scan");
        new Visitor(port, mvc).registerAndVerify("Rina Pindai", email, "Pindaian-Reaktivasi-2026");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        TestMember rina = fixtures.informalWorker(fixtures.accountId(email), email, Period.of(today).plusMonths(6),
                2_000_000);
        assertThat(members.lapse(rina.id(), LapseReason.CONTRIBUTIONS_UNPAID, today)).isTrue();
        String officerEmail = Visitor.uniqueEmail("officer-scan");
        Visitor officer = new Visitor(port, mvc);
        officer.registerAndVerify("Sari Petugas", officerEmail, "Petugas-Pindai-2026");
        jdbc.sql("UPDATE account.account SET role = 'OFFICER' WHERE id = :id")
                .param("id", fixtures.accountId(officerEmail)).update();
        officer.signInAsOwner(officerEmail, "Petugas-Pindai-2026");
        String page = BASE + rina.id();
        assertThat(officer.get(page).body()).doesNotContain("id=\"scans\"");

        Visitor.Page fake = officer.upload(page, page + "/pindaian", "ktp.png", "image/png",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "kind", "KTP");
        assertThat(fake.status()).isEqualTo(400);
        assertThat(fake.body()).contains("role=\"alert\"").doesNotContain("id=\"scans\"");
        assertThat(officer.upload(page, page + "/pindaian", "x.png", "image/png", DocumentStepTests.image("png"),
                "kind", "OLD_CARD").status()).as("no such kind").isEqualTo(400);

        // Over 5 MB: refused from its Content-Length before it is read, back on the page with the reason.
        Visitor.Page tooLarge = officer.upload(page, page + "/pindaian", "ktp.jpg", "image/jpeg",
                new byte[6 * 1024 * 1024], "kind", "KTP");
        assertThat(tooLarge.status()).isEqualTo(303);
        assertThat(tooLarge.location()).isEqualTo(page + "?terlalu-besar");
        assertThat(officer.get(tooLarge.location()).body()).contains("role=\"alert\"").contains("5 MB")
                .doesNotContain("id=\"scans\"");

        Visitor.Page attached = officer.upload(page, page + "/pindaian", "ktp.png", "image/png",
                DocumentStepTests.image("png"), "kind", "KTP");
        assertThat(attached.status()).isEqualTo(302);
        assertThat(officer.get(page).body()).contains("id=\"scans\"").contains("KTP · image/png")
                .contains("Pindaian dilampirkan.");
        assertThat(fixtures.count("SELECT count(*) FROM audit.audit_event WHERE action = 'REACTIVATION_SCAN_ATTACHED'"
                + " AND target_id = ? AND actor = ?", rina.id().toString(), officerEmail)).isEqualTo(1);
    }
}
