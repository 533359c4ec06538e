package id.jamsos.employer;

import id.jamsos.account.Role;
import id.jamsos.account.internal.StaffAccounts;
import id.jamsos.common.EmailAddress;
import id.jamsos.common.Kpj;
import id.jamsos.common.MobileNumber;
import id.jamsos.common.PersonName;
import id.jamsos.employer.internal.Actor;
import id.jamsos.employer.internal.Employers;
import id.jamsos.platform.PersonalData;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data: active members written straight into the membership tables (as an approved application would leave
 * them; tests may set up data this way, production code never does) and employers in the employer tables.
 */
final class EmployerFixtures {

    /** A member as the tests know them: the KPJ and NIK an employer would type. */
    record TestMember(UUID id, String kpj, String nik, String name, String email) {
    }

    /** An EMPLOYER_ADMIN account that can sign in. */
    record TestAdmin(UUID accountId, String email, String password) {
    }

    /** An employer administrator acting through the services directly. */
    static final Actor SOMEONE = new Actor(UUID.randomUUID(), "pemberi-kerja@example.id", "10.0.0.1");

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PersonalData personalData;

    EmployerFixtures(JdbcClient jdbc, PersonalData personalData) {
        this.jdbc = jdbc;
        this.personalData = personalData;
    }

    TestMember member(String name) {
        int n = SEQUENCE.incrementAndGet();
        // A NIK of Bandung (327301) with a birth date 1960–1999 and a serial, unique in this JVM.
        String nik = "327301" + "%02d%02d%02d".formatted(1 + n % 28, 1 + (n / 28) % 12, 60 + (n / 336) % 40)
                + "%04d".formatted(1 + n / 13440 % 9999);
        String kpj = Kpj.issue(99, n + 10_000_000L).value();
        UUID application = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID account = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        String email = "pekerja-" + member + "@example.id";
        byte[] hash = personalData.lookupHash(nik);
        byte[] sealed = personalData.seal(nik.getBytes());
        jdbc.sql("""
                        INSERT INTO membership.application (id, account_id, status, nik_sealed, nik_hash, full_name,
                                                            created_at, updated_at, decided_by, decided_at,
                                                            contact_email, contact_language)
                        VALUES (:id, :account, 'APPROVED', :sealed, :hash, :name, :now, :now, :officer, :now, :email, 'id')""")
                .param("id", application).param("account", account).param("sealed", sealed).param("hash", hash)
                .param("name", name).param("now", now).param("officer", UUID.randomUUID()).param("email", email)
                .update();
        jdbc.sql("""
                        INSERT INTO membership.member (id, account_id, application_id, kpj, nik_hash, full_name, status,
                                                       activated_on, created_at)
                        VALUES (:id, :account, :application, :kpj, :hash, :name, 'ACTIVE', :on, :now)""")
                .param("id", member).param("account", account).param("application", application).param("kpj", kpj)
                .param("hash", hash).param("name", name).param("on", LocalDate.of(2020, 1, 1)).param("now", now)
                .update();
        return new TestMember(member, kpj, nik, name, email);
    }

    /** A new EMPLOYER_ADMIN account with a password, linked to the employer as an officer would link it. */
    TestAdmin admin(StaffAccounts staff, Employers employers, long employerId) {
        String email = "admin-" + UUID.randomUUID() + "@example.id";
        String password = "PemberiKerja-Uji-" + UUID.randomUUID();
        staff.createWithPassword(PersonName.parse("Dewi Lestari"), EmailAddress.parse(email),
                MobileNumber.parse("081234500003"), Role.EMPLOYER_ADMIN, password, "test");
        UUID id = jdbc.sql("SELECT id FROM account.account WHERE email = :email").param("email", email)
                .query(UUID.class).single();
        employers.linkAdministrator(new Actor(UUID.randomUUID(), "test", null), employerId, email);
        return new TestAdmin(id, email, password);
    }

    /** A member whose account id is known, so a signed-in visitor can be made the member. */
    void makeAccountOf(TestMember member, UUID accountId) {
        jdbc.sql("UPDATE membership.member SET account_id = :account WHERE id = :id")
                .param("account", accountId).param("id", member.id()).update();
    }

    long employer(String name, int riskClass) {
        String npp = "%08d".formatted(RANDOM.nextInt(100_000_000));
        return jdbc.sql("""
                        INSERT INTO employer.employer (npp, name, address, risk_class, created_at)
                        VALUES (:npp, :name, 'Jl. Contoh 1, Bandung', :risk, now()) RETURNING id""")
                .param("npp", npp).param("name", name).param("risk", riskClass).query(Long.class).single();
    }

    long employment(long employer, TestMember member, LocalDate start, LocalDate end, long joiningWage) {
        return jdbc.sql("""
                        INSERT INTO employer.employment (employer_id, member_id, kpj, start_date, end_date,
                                                         joining_wage_rupiah, job_title, created_at)
                        VALUES (:employer, :member, :kpj, :start, :end, :wage, 'Staf', now()) RETURNING id""")
                .param("employer", employer).param("member", member.id()).param("kpj", member.kpj())
                .param("start", start).param("end", end).param("wage", joiningWage).query(Long.class).single();
    }

    String status(TestMember member) {
        return jdbc.sql("SELECT status FROM membership.member WHERE id = :id").param("id", member.id())
                .query(String.class).single();
    }
}
