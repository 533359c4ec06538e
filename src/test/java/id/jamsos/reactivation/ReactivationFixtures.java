package id.jamsos.reactivation;

import id.jamsos.common.Kpj;
import id.jamsos.common.Nik;
import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.InformalWorkers;
import id.jamsos.contribution.Program;
import id.jamsos.platform.PersonalData;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Informal workers (BPU) for reactivation tests written straight into the membership tables (as the billing and
 * payment tests do), with a real sealed NIK and its keyed hash so a search by NIK finds them, and a valid KPJ so a
 * virtual-account customer number exists. Enrolled through the contribution module's own API. Public for the
 * browser journey ({@code id.jamsos.browser.ReactivationJourneyTests}).
 */
public final class ReactivationFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    public record TestMember(UUID id, Kpj kpj, Nik nik, String name, LocalDate birthDate, String email) {
        public String customerNumber() {
            return "2" + kpj.value();
        }
    }

    private final JdbcClient jdbc;
    private final PersonalData personalData;
    private final InformalWorkers informalWorkers;

    public ReactivationFixtures(JdbcClient jdbc, PersonalData personalData, InformalWorkers informalWorkers) {
        this.jdbc = jdbc;
        this.personalData = personalData;
        this.informalWorkers = informalWorkers;
    }

    public static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(JAKARTA).toInstant();
    }

    /** An active BPU member with JKK and JKM on a declared income, enrolled from {@code from}. */
    public TestMember informalWorker(UUID accountId, String email, Period from, long income) {
        return informalWorker(accountId, email, from, income, Set.of(Program.JKK, Program.JKM));
    }

    /** An active BPU member with the programs chosen (JKK and JKM, and JHT when chosen), enrolled from {@code from}. */
    public TestMember informalWorker(UUID accountId, String email, Period from, long income, Set<Program> programs) {
        LocalDate born = LocalDate.of(1960 + RANDOM.nextInt(40), 1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28));
        Nik nik = new Nik(String.format("327301%02d%02d%02d%04d", born.getDayOfMonth(), born.getMonthValue(),
                born.getYear() % 100, 1 + RANDOM.nextInt(9998)));
        String name = "Rina Reaktif " + Long.toString(Math.abs(RANDOM.nextLong()), 36);
        UUID application = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO membership.application (id, account_id, status, nik_sealed, nik_hash, full_name,
                                                            birth_date, created_at, updated_at, contact_email,
                                                            contact_language, decided_by, decided_at)
                        VALUES (:id, :account, 'APPROVED', :sealed, :hash, :name, :born, now(), now(), :email, 'id',
                                :officer, now())""")
                .param("officer", UUID.randomUUID()).param("id", application).param("account", accountId)
                .param("sealed", personalData.seal(nik.value().getBytes(StandardCharsets.UTF_8)))
                .param("hash", personalData.lookupHash(nik.value())).param("name", name).param("born", born)
                .param("email", email).update();
        UUID member = UUID.randomUUID();
        Kpj kpj = Kpj.issue(91, 1 + RANDOM.nextInt(99_999_998));
        jdbc.sql("""
                        INSERT INTO membership.member (id, account_id, application_id, kpj, nik_hash, full_name, status,
                                                       activated_on, created_at, category, programs, declared_income)
                        VALUES (:id, :account, :application, :kpj, :hash, :name, 'ACTIVE', :from, now(), 'BPU',
                                string_to_array(:programs, ','), :income)""")
                .param("id", member).param("account", accountId).param("application", application)
                .param("kpj", kpj.value()).param("hash", personalData.lookupHash(nik.value())).param("name", name)
                .param("from", from.firstDay()).param("income", income)
                .param("programs", String.join(",", programs.stream().map(Program::name).sorted().toList())).update();
        informalWorkers.enrol(member, Rupiah.of(income), programs, from);
        return new TestMember(member, kpj, nik, name, born, email);
    }

    /** An active wage earner employed by a new employer from {@code start} to {@code end}; answers the member id. */
    public UUID wageEarner(UUID accountId, String email, String fullName, long employerId, LocalDate start, LocalDate end) {
        UUID application = UUID.randomUUID();
        byte[] nikHash = new byte[32];
        RANDOM.nextBytes(nikHash);
        jdbc.sql("""
                        INSERT INTO membership.application (id, account_id, status, nik_sealed, nik_hash, full_name,
                                                            created_at, updated_at, contact_email, contact_language,
                                                            decided_by, decided_at)
                        VALUES (:id, :account, 'APPROVED', :sealed, :hash, :name, now(), now(), :email, 'id',
                                :officer, now())""")
                .param("officer", UUID.randomUUID()).param("id", application).param("account", accountId)
                .param("sealed", new byte[] {1, 2, 3}).param("hash", nikHash).param("name", fullName)
                .param("email", email).update();
        UUID member = UUID.randomUUID();
        Kpj kpj = Kpj.issue(91, 1 + RANDOM.nextInt(99_999_998));
        jdbc.sql("""
                        INSERT INTO membership.member (id, account_id, application_id, kpj, nik_hash, full_name, status,
                                                       activated_on, created_at, category, programs)
                        VALUES (:id, :account, :application, :kpj, :hash, :name, 'ACTIVE', :start, now(), 'PU',
                                ARRAY['JHT', 'JKK', 'JKM', 'JP'])""")
                .param("id", member).param("account", accountId).param("application", application)
                .param("kpj", kpj.value()).param("hash", nikHash).param("name", fullName).param("start", start)
                .update();
        jdbc.sql("""
                        INSERT INTO employer.employment (employer_id, member_id, kpj, start_date, end_date,
                                                         joining_wage_rupiah, job_title, created_at)
                        VALUES (:employer, :member, :kpj, :start, :end, 5000000, 'Staf', now())""")
                .param("employer", employerId).param("member", member).param("kpj", kpj.value())
                .param("start", start).param("end", end).update();
        return member;
    }

    /** A registered employer of risk class 2 with a random NPP; answers its id. */
    public long employer(String name) {
        String npp = String.format("%08d", RANDOM.nextInt(100_000_000));
        return jdbc.sql("""
                        INSERT INTO employer.employer (npp, name, address, risk_class, created_at)
                        VALUES (:npp, :name, 'Jl. Ingat 1, Jakarta', 2, now()) RETURNING id""")
                .param("npp", npp).param("name", name).query(Long.class).single();
    }

    public long count(String sql, Object... params) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        for (int i = 0; i < params.length; i++) {
            statement = statement.param(i + 1, params[i]);
        }
        return statement.query(Long.class).single();
    }

    public UUID accountId(String email) {
        return jdbc.sql("SELECT id FROM account.account WHERE email = :email").param("email", email.toLowerCase())
                .query(UUID.class).single();
    }
}
