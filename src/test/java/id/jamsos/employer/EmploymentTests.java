package id.jamsos.employer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.jamsos.account.Visitor;
import id.jamsos.account.internal.StaffAccounts;
import id.jamsos.common.InvalidValue;
import id.jamsos.employer.EmployerFixtures.TestAdmin;
import id.jamsos.employer.EmployerFixtures.TestMember;
import id.jamsos.employer.internal.Employers;
import id.jamsos.employer.internal.Employments;
import id.jamsos.membership.LapseReason;
import id.jamsos.membership.MemberLapsed;
import id.jamsos.platform.PersonalData;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Workers join and leave employers (mutasi); one member never works twice at once for one employer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@RecordApplicationEvents
class EmploymentTests {

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
    ApplicationEvents events;
    @Autowired
    TransactionTemplate transactions;

    EmployerFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new EmployerFixtures(jdbc, personalData);
    }

    @Test
    void aMemberNeverHasTwoOverlappingEmploymentsWithTheSameEmployer() {
        long employer = fixtures.employer("PT Satu Atap", 2);
        TestMember worker = fixtures.member("Hadi Susanto");
        long first = employments.join(EmployerFixtures.SOMEONE, employer, worker.kpj(), "2025-01-01", "5.000.000", "Operator");

        assertRefused(() -> employments.join(EmployerFixtures.SOMEONE, employer, worker.nik(), "2025-06-01", "5000000", "Mandor"),
                "employment.overlap");
        employments.leave(EmployerFixtures.SOMEONE, employer, first, "2025-05-31");
        assertRefused(() -> employments.join(EmployerFixtures.SOMEONE, employer, worker.kpj(), "2025-05-31", "5000000", "Mandor"),
                "employment.overlap");
        long again = employments.join(EmployerFixtures.SOMEONE, employer, worker.nik(), "2025-06-01", "5500000", "Mandor");
        assertThat(again).as("back the day after leaving, joined by NIK").isNotEqualTo(first);

        long other = fixtures.employer("CV Lain", 1);
        assertThat(employments.join(EmployerFixtures.SOMEONE, other, worker.kpj(), "2025-07-01", "3000000", "Sopir"))
                .as("a second job with another employer at the same time").isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM employer.employment WHERE member_id = :m")
                .param("m", worker.id()).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void badInputChangesNothing() {
        long employer = fixtures.employer("PT Teliti", 1);
        TestMember worker = fixtures.member("Intan Permata");
        assertRefused(() -> employments.join(EmployerFixtures.SOMEONE, employer, "12345678901", "2025-01-01", "5000000", "Staf"),
                "validation.kpj.check-digit");
        assertRefused(() -> employments.join(EmployerFixtures.SOMEONE, employer, id.jamsos.common.Kpj.issue(98, 1).value(), "2025-01-01", "5000000", "Staf"),
                "employment.member.unknown");
        assertRefused(() -> employments.join(EmployerFixtures.SOMEONE, employer, worker.kpj(), "31/01/2025", "5000000", "Staf"),
                "employment.date.format");
        assertRefused(() -> employments.join(EmployerFixtures.SOMEONE, employer, worker.kpj(), "2025-01-01", "-5000000", "Staf"),
                "validation.rupiah.format");
        assertRefused(() -> employments.join(EmployerFixtures.SOMEONE, employer, worker.kpj(), "2025-01-01", "0", "Staf"), "wage.zero");
        assertRefused(() -> employments.join(EmployerFixtures.SOMEONE, employer, worker.kpj(), "2025-01-01", "50000000000", "Staf"),
                "wage.above-cap");
        assertRefused(() -> employments.join(EmployerFixtures.SOMEONE, employer, worker.kpj(), "2025-01-01", "5000000", " "),
                "validation.required");
        long id = employments.join(EmployerFixtures.SOMEONE, employer, worker.kpj(), "2025-01-01", "5000000", "Staf");
        assertRefused(() -> employments.leave(EmployerFixtures.SOMEONE, employer, id, "2024-12-31"), "employment.end.before-start");
        assertRefused(() -> employments.leave(EmployerFixtures.SOMEONE, employer, id, "2999-01-01"), "employment.end.future");
        assertRefused(() -> employments.leave(EmployerFixtures.SOMEONE, employer + 1, id, "2025-02-01"), "employment.not-found");
        assertThat(jdbc.sql("SELECT count(*) FROM employer.employment WHERE member_id = :m AND end_date IS NULL")
                .param("m", worker.id()).query(Integer.class).single()).isEqualTo(1);
        assertThat(fixtures.status(worker)).isEqualTo("ACTIVE");
    }

    @Test
    void movingToANewEmployerKeepsTheMembershipAndTheLastEmploymentEndedLapsesIt() {
        long oldEmployer = fixtures.employer("PT Lama", 3);
        long newEmployer = fixtures.employer("PT Baru", 3);
        TestMember worker = fixtures.member("Joko Prasetyo");
        long old = employments.join(EmployerFixtures.SOMEONE, oldEmployer, worker.kpj(), "2024-01-01", "6000000", "Teknisi");
        long moved = employments.join(EmployerFixtures.SOMEONE, newEmployer, worker.kpj(), "2025-04-01", "7000000", "Teknisi senior");

        transactions.executeWithoutResult(s -> employments.leave(EmployerFixtures.SOMEONE, oldEmployer, old, "2025-03-31"));
        assertThat(fixtures.status(worker)).as("still employed by the new employer").isEqualTo("ACTIVE");
        assertThat(events.stream(EmploymentEnded.class)).singleElement()
                .extracting(EmploymentEnded::otherEmploymentActive).isEqualTo(true);
        assertThat(events.stream(MemberLapsed.class)).isEmpty();

        employments.leave(EmployerFixtures.SOMEONE, newEmployer, moved, "2025-09-30");
        assertThat(fixtures.status(worker)).isEqualTo("NON_ACTIVE");
        assertThat(events.stream(MemberLapsed.class)).singleElement().satisfies(lapsed -> {
            assertThat(lapsed.memberId()).isEqualTo(worker.id());
            assertThat(lapsed.reason()).isEqualTo(LapseReason.EMPLOYMENT_ENDED);
            assertThat(lapsed.on()).isEqualTo(LocalDate.of(2025, 9, 30));
        });
        assertThat(events.stream(EmploymentStarted.class)).hasSize(2);
        assertThat(jdbc.sql("SELECT count(*) FROM notification.outbox_email WHERE recipient = :to"
                + " AND template = 'membership-lapsed'").param("to", worker.email()).query(Integer.class).single())
                .as("the member is told by e-mail").isEqualTo(1);
    }

    @Test
    void theAdministratorJoinsAndReleasesWorkersFromThePortalAndNeverReachesAnotherEmployersWorkers() throws Exception {
        long employer = fixtures.employer("PT Portal", 2);
        long otherEmployer = fixtures.employer("PT Tetangga", 2);
        TestAdmin admin = fixtures.admin(staff, employers, employer);
        TestMember worker = fixtures.member("Kartika Dewi");
        TestMember elsewhere = fixtures.member("Lukman Hakim");
        long foreign = employments.join(EmployerFixtures.SOMEONE, otherEmployer, elsewhere.kpj(), "2025-01-01", "5000000", "Staf");

        Visitor visitor = new Visitor(port, mvc);
        visitor.signInAsOwner(admin.email(), admin.password());
        Visitor.Page joined = visitor.submit("/pemberi-kerja/pekerja", "/pemberi-kerja/pekerja",
                "identifier", worker.kpj(), "startDate", "2025-02-03", "wage", "Rp 6.250.000", "jobTitle", "Kasir");
        assertThat(joined.status()).isEqualTo(302);
        String workerPage = joined.location();
        assertThat(visitor.get("/pemberi-kerja/pekerja").body()).contains(worker.kpj()).contains("Kartika Dewi")
                .contains("03/02/2025").doesNotContain(elsewhere.kpj());
        assertThat(visitor.get(workerPage).body()).contains("Rp 6.250.000");

        Visitor.Page refused = visitor.submit("/pemberi-kerja/pekerja", "/pemberi-kerja/pekerja",
                "identifier", "1234", "startDate", "2025-02-03", "wage", "abc", "jobTitle", "Kasir");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("role=\"alert\"").contains("Nomor KPJ terdiri atas 11 angka");

        assertThat(visitor.get("/pemberi-kerja/pekerja/" + foreign).status()).isEqualTo(404);
        assertThat(visitor.submit(workerPage, "/pemberi-kerja/pekerja/" + foreign + "/keluar", "endDate", "2025-03-01")
                .status()).isEqualTo(404);
        assertThat(visitor.get("/pemberi-kerja/pekerja/abc").status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT end_date FROM employer.employment WHERE id = :id").param("id", foreign)
                .query(LocalDate.class).optional()).isEmpty();

        Visitor.Page left = visitor.submit(workerPage, workerPage + "/keluar", "endDate", "2025-03-31");
        assertThat(left.status()).isEqualTo(302);
        assertThat(fixtures.status(worker)).isEqualTo("NON_ACTIVE");
        assertThat(visitor.get(workerPage + "?lang=en").body()).contains("31/03/2025").contains("Leaving date");
        assertThat(jdbc.sql("SELECT action FROM audit.audit_event WHERE target_type = 'EMPLOYMENT' AND target_id = :id"
                        + " AND actor_account_id = :admin ORDER BY id")
                .param("id", workerPage.substring(workerPage.lastIndexOf('/') + 1)).param("admin", admin.accountId())
                .query(String.class).list()).containsExactly("EMPLOYMENT_STARTED", "EMPLOYMENT_ENDED");

        Visitor member = new Visitor(port, mvc);
        member.signInAsOwner("peserta@demo.jamsos.test", "Peserta-Demo-Jamsos-1");
        assertThat(member.get("/pemberi-kerja/pekerja").status()).isEqualTo(403);
    }

    private static void assertRefused(Runnable action, String key) {
        assertThatThrownBy(action::run).isInstanceOf(InvalidValue.class).extracting("messageKey").isEqualTo(key);
    }
}
