package id.jamsos.employer;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.account.Visitor;
import id.jamsos.account.internal.StaffAccounts;
import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import id.jamsos.employer.EmployerFixtures.TestAdmin;
import id.jamsos.employer.EmployerFixtures.TestMember;
import id.jamsos.employer.internal.Employers;
import id.jamsos.employer.internal.Employments;
import id.jamsos.platform.PersonalData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An employer's administrator reports a month's wages: every line is checked and explained, nothing counts until the
 * report is applied, and applying happens once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class WageReportTests {

    static final String REPORTS = "/pemberi-kerja/laporan-upah";
    static final String CSV = "text/csv";

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
    Employers employers;
    @Autowired
    StaffAccounts staff;
    @Autowired
    Workforce workforce;

    EmployerFixtures fixtures;
    long employer;
    TestMember ani;
    TestMember bayu;
    TestMember citra;
    Visitor admin;

    @BeforeEach
    void anEmployerWithThreeWorkers() throws Exception {
        fixtures = new EmployerFixtures(jdbc, personalData);
        employer = fixtures.employer("PT Upah Tertib", 2);
        ani = fixtures.member("Ani Suryani");
        bayu = fixtures.member("Bayu Aji Nugraha");
        citra = fixtures.member("Citra Kirana");
        for (TestMember m : List.of(ani, bayu, citra)) {
            employments.join(EmployerFixtures.SOMEONE, employer, m.kpj(), "2025-01-01", "5000000", "Staf");
        }
        TestAdmin account = fixtures.admin(staff, employers, employer);
        admin = new Visitor(port, mvc);
        admin.signInAsOwner(account.email(), account.password());
    }

    @Test
    void aValidFileIsShownCheckedThenAppliedOnceEvenWhenSentTwice() throws Exception {
        String csv = "KPJ/NIK;Nama;Upah\n" + ani.kpj() + ";ANI SURYANI;5.250.000\n"
                + bayu.nik() + ";Bayu Nugraha;\"6.000.000\"\n" + citra.kpj() + ";Citra K.;Rp 7.100.000\n";
        Visitor.Page uploaded = admin.upload(REPORTS, REPORTS, "upah-maret.csv", CSV,
                csv.getBytes(StandardCharsets.UTF_8), "period", "2025-03");
        assertThat(uploaded.status()).isEqualTo(302);
        String report = uploaded.location();
        assertThat(admin.get(report).body()).contains("3 baris: 3 benar, 0 dengan kesalahan").contains("Maret 2025");
        assertThat(wagesApplied()).as("checking changes nothing").isZero();

        assertThat(admin.submit(report, report + "/terapkan").status()).isEqualTo(302);
        assertThat(admin.submit(report, report + "/terapkan").status()).as("a double submit").isEqualTo(302);
        assertThat(admin.get(report).body()).contains("sudah diterapkan sebelumnya");
        assertThat(wagesApplied()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'WAGE_REPORT_APPLIED'"
                + " AND target_id = :id").param("id", report.substring(report.lastIndexOf('/') + 1))
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(workforce.billableWages(Period.of(2025, 3), employer, employer + 1))
                .extracting(BillableWage::wage).containsExactlyInAnyOrder(Rupiah.of(5_250_000), Rupiah.of(6_000_000),
                        Rupiah.of(7_100_000));
        assertThat(admin.get(REPORTS).body()).contains("upah-maret.csv").contains("Diterapkan");
    }

    @Test
    void aFileWithErrorsIsExplainedLineByLineAndAppliesNothingUnlessOnlyTheValidLinesAreChosen() throws Exception {
        TestMember stranger = fixtures.member("Dodi Orang Lain");
        String csv = "KPJ,Nama,Upah\n"
                + ani.kpj() + ",Ani Suryani,5000000\n"
                + stranger.kpj() + ",Dodi Orang Lain,5000000\n"
                + bayu.kpj() + ",Siti Nurhaliza,6000000\n"
                + citra.kpj() + ",Citra Kirana,-7000000\n"
                + ani.nik() + ",Ani Suryani,5100000\n";
        String report = admin.upload(REPORTS, REPORTS, "upah.csv", CSV, csv.getBytes(StandardCharsets.UTF_8),
                "period", "2025-03").location();
        String page = admin.get(report).body();
        assertThat(page).contains("5 baris: 1 benar, 4 dengan kesalahan")
                .contains("Peserta ini tidak tercatat bekerja di sini pada bulan itu")
                .contains("Nama tidak cocok dengan nama peserta pemilik nomor ini")
                .contains("Upah tidak boleh negatif").contains("Pekerja ini sudah ada di baris 2")
                .contains("<td>3</td>").contains("<td>6</td>").doesNotContain("<td>2</td>");
        assertThat(admin.get(report + "?lang=en").body()).contains("The wage cannot be negative")
                .contains("This worker is already on line 2");

        Visitor.Page refused = admin.submit(report, report + "/terapkan");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Some lines are wrong");
        assertThat(wagesApplied()).isZero();

        assertThat(admin.submit(report, report + "/terapkan", "onlyValid", "true").status()).isEqualTo(302);
        assertThat(wagesApplied()).isEqualTo(1);
        assertThat(admin.get(report + "?lang=id").body()).contains("Upah 1 pekerja diterapkan");
    }

    @Test
    void anXlsxWorkbookAndTheOnScreenFormWorkLikeACsvFile() throws Exception {
        byte[] xlsx = TestWorkbooks.xlsx(List.of(List.of("KPJ atau NIK", "Nama", "Upah bulanan"),
                List.of(Long.parseLong(ani.kpj()), "Ani Suryani", 5_300_000L),
                List.of(bayu.kpj(), "Bayu Aji Nugraha", "5.400.000")));
        String report = admin.upload(REPORTS, REPORTS, "upah.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx, "period", "2025-02")
                .location();
        assertThat(admin.get(report).body()).contains("2 baris: 2 benar");
        admin.submit(report, report + "/terapkan");

        String form = REPORTS + "/isi?periode=2025-03";
        assertThat(admin.get(form).body()).contains("Ani Suryani").contains(citra.kpj());
        Visitor.Page typed = admin.submit(form, REPORTS + "/isi", "period", "2025-03",
                "kpj", ani.kpj(), "wage", "5.500.000", "kpj", bayu.kpj(), "wage", "5.000.000",
                "kpj", citra.kpj(), "wage", "6.000.000");
        assertThat(typed.status()).isEqualTo(302);
        admin.submit(typed.location(), typed.location() + "/terapkan");
        assertThat(wagesApplied()).isEqualTo(5);

        Visitor.Page future = admin.submit(form, REPORTS + "/isi", "period", "2999-01", "kpj", ani.kpj(), "wage", "1");
        assertThat(future.status()).isEqualTo(400);
    }

    @Test
    void anotherEmployersAdministratorCanNeitherSeeNorApplyTheReport() throws Exception {
        String csv = "KPJ,Nama,Upah\n" + ani.kpj() + ",Ani Suryani,5000000\n";
        String report = admin.upload(REPORTS, REPORTS, "upah.csv", CSV, csv.getBytes(StandardCharsets.UTF_8),
                "period", "2025-03").location();

        long otherEmployer = fixtures.employer("PT Penasaran", 1);
        TestAdmin otherAccount = fixtures.admin(staff, employers, otherEmployer);
        Visitor other = new Visitor(port, mvc);
        other.signInAsOwner(otherAccount.email(), otherAccount.password());
        assertThat(other.get(report).status()).isEqualTo(404);
        assertThat(other.submit(REPORTS, report + "/terapkan", "onlyValid", "true").status()).isEqualTo(404);
        assertThat(other.get(REPORTS + "/999999999").status()).isEqualTo(404);
        assertThat(other.get(REPORTS).body()).doesNotContain("upah.csv");
        assertThat(wagesApplied()).isZero();
    }

    private int wagesApplied() {
        return jdbc.sql("SELECT count(*) FROM employer.reported_wage WHERE employer_id = :e").param("e", employer)
                .query(Integer.class).single();
    }
}
