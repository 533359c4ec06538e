package id.jamsos.employer;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.account.Visitor;
import id.jamsos.employer.EmployerFixtures.TestMember;
import id.jamsos.employer.internal.Actor;
import id.jamsos.employer.internal.Employments;
import id.jamsos.employer.internal.WageReports;
import id.jamsos.platform.PersonalData;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A worker sees month by month what their employers reported, and at once when a month is lower. Only their own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class MemberWagesTests {

    @Autowired
    MockMvc mvc;
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalData personalData;
    @Autowired
    Employments employments;
    @Autowired
    WageReports reports;

    @Test
    void aMemberSeesTheirReportedWagesAndWhichMonthIsLower() throws Exception {
        EmployerFixtures fixtures = new EmployerFixtures(jdbc, personalData);
        long employer = fixtures.employer("PT Gaji Jujur", 1);
        TestMember worker = fixtures.member("Maya Sari");
        TestMember colleague = fixtures.member("Nanda Putra");
        employments.join(EmployerFixtures.SOMEONE, employer, worker.kpj(), "2025-01-01", "5000000", "Staf");
        employments.join(EmployerFixtures.SOMEONE, employer, colleague.kpj(), "2025-01-01", "5000000", "Staf");
        report(employer, "2025-01", worker, "6.000.000");
        report(employer, "2025-02", worker, "6.000.000");
        report(employer, "2025-03", worker, "4.500.000");
        report(employer, "2025-03", colleague, "9.999.999");

        String email = Visitor.uniqueEmail("maya");
        Visitor member = Visitor.signedInMember(port, mvc, "Maya Sari", email, "Maya-Sari-Upah-2025");
        fixtures.makeAccountOf(worker, jdbc.sql("SELECT id FROM account.account WHERE email = :e").param("e", email)
                .query(UUID.class).single());

        String page = member.get("/kepesertaan/upah").body();
        assertThat(page).contains("Januari 2025").contains("Februari 2025").contains("Maret 2025")
                .contains("Rp 6.000.000").contains("Rp 4.500.000").contains("PT Gaji Jujur")
                .contains("lebih rendah dari bulan sebelumnya").doesNotContain("9.999.999");
        assertThat(page.indexOf("Maret 2025")).as("newest first").isLessThan(page.indexOf("Januari 2025"));
        assertThat(member.get("/kepesertaan/upah?lang=en").body()).contains("March 2025")
                .contains("lower than the month before");

        Visitor stranger = Visitor.signedInMember(port, mvc, "Orang Lain", Visitor.uniqueEmail("lain"),
                "Orang-Lain-Upah-2025");
        assertThat(stranger.get("/kepesertaan/upah").status()).as("no membership yet").isEqualTo(404);
    }

    private void report(long employer, String period, TestMember worker, String wage) {
        long id = reports.fromScreen(employer, UUID.randomUUID(), period, List.of(worker.kpj()), List.of(wage));
        assertThat(reports.apply(employer, id, new Actor(UUID.randomUUID(), "test", null), false)).isTrue();
    }
}
