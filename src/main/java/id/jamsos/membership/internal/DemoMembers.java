package id.jamsos.membership.internal;

import id.jamsos.account.AccountDirectory;
import id.jamsos.common.Gender;
import id.jamsos.common.JakartaTime;
import id.jamsos.common.Kk;
import id.jamsos.common.Kpj;
import id.jamsos.common.Nik;
import id.jamsos.common.Rupiah;
import id.jamsos.membership.MemberActivated;
import id.jamsos.membership.MemberCategory;
import id.jamsos.platform.PersonalData;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data (never in prod): members who already went through activation, approved by the demo officer at the start
 * of the month before last, so that the employer and the bills of the demo have someone to be about — an informal
 * worker (BPU) and two wage earners (PU) of the demo employer. The demo member {@code peserta@…} is left without a
 * membership, to try activation.
 */
@Component
@Order(10)
@Profile("!prod")
@ConditionalOnProperty(name = {"jamsos.demo-data.enabled", "jamsos.demo-data.payers"}, havingValue = "true")
class DemoMembers implements ApplicationRunner {

    record Demo(String email, String nik, String kk, String birthPlace, LocalDate birthDate, Gender gender,
                String mother, MemberCategory category, String occupationOrJob, Rupiah amount) {
    }

    /** NIKs and KKs of the district Sukasari, Bandung (327301); birth dates as the NIKs encode them (women + 40). */
    static final List<Demo> MEMBERS = List.of(
            new Demo("bpu@demo.jamsos.test", "3273010311880101", "3273012001150101", "Bandung",
                    LocalDate.of(1988, 11, 3), Gender.MALE, "Sri Hartini", MemberCategory.BPU, "Pedagang bakso",
                    Rupiah.of(2_500_000)),
            new Demo("pekerja@demo.jamsos.test", "3273012106900102", "3273011507160102", "Garut",
                    LocalDate.of(1990, 6, 21), Gender.MALE, "Euis Rohaeti", MemberCategory.PU, "Operator produksi",
                    Rupiah.of(8_500_000)),
            new Demo("pekerja2@demo.jamsos.test", "3273014902940103", "3273010303170103", "Cimahi",
                    LocalDate.of(1994, 2, 9), Gender.FEMALE, "Nining Suryani", MemberCategory.PU, "Supervisor gudang",
                    Rupiah.of(12_000_000)));

    static final String DEMO_EMPLOYER_NPP = "12345678";

    private static final Logger log = LoggerFactory.getLogger(DemoMembers.class);

    private final JdbcClient jdbc;
    private final AccountDirectory accounts;
    private final PersonalData personalData;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoMembers(JdbcClient jdbc, AccountDirectory accounts, PersonalData personalData, ApplicationEventPublisher events,
                TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.personalData = personalData;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM membership.member)").query(Boolean.class).single()) {
            return;
        }
        LocalDate today = JakartaTime.today(clock);
        LocalDate activatedOn = today.withDayOfMonth(1).minusMonths(2);
        UUID officer = accounts.byEmail("petugas@demo.jamsos.test").orElseThrow().id();
        transactions.executeWithoutResult(status -> MEMBERS.forEach(demo -> activate(demo, activatedOn, officer, today)));
        log.info("Demo data: {} members active since {}", MEMBERS.size(), activatedOn);
    }

    private void activate(Demo demo, LocalDate activatedOn, UUID officer, LocalDate today) {
        AccountDirectory.KnownAccount account = accounts.byEmail(demo.email()).orElseThrow();
        Nik nik = Nik.parse(demo.nik(), today);
        Kk kk = Kk.parse(demo.kk());
        Instant decidedAt = activatedOn.atStartOfDay(JakartaTime.ZONE).plusHours(10).toInstant();
        UUID application = UUID.randomUUID();
        boolean pu = demo.category() == MemberCategory.PU;
        jdbc.sql("""
                        INSERT INTO membership.application (id, account_id, status, nik_sealed, nik_hash, kk_sealed,
                               kk_hash, full_name, birth_place, birth_date, gender, mother_maiden_name, province_code,
                               regency_code, district_code, street, contact_email, contact_language, work_category,
                               employer_npp, job_title, work_start, monthly_wage, occupation, work_location,
                               declared_income, bpu_jht, decided_by, decided_at, created_at, updated_at)
                        VALUES (:id, :account, 'APPROVED', :nikSealed, :nikHash, :kkSealed, :kkHash, :name, :place,
                                :birthDate, :gender, :mother, '32', '3273', '327301', 'Jl. Setiabudi No. 12', :email, 'id',
                                :category, :npp, :job, :start, :wage, :occupation, :location, :income, :jht, :officer,
                                :decidedAt, :decidedAt, :decidedAt)""")
                .param("id", application).param("account", account.id())
                .param("nikSealed", personalData.seal(nik.value().getBytes(StandardCharsets.US_ASCII)))
                .param("nikHash", personalData.lookupHash(nik.value()))
                .param("kkSealed", personalData.seal(kk.value().getBytes(StandardCharsets.US_ASCII)))
                .param("kkHash", personalData.lookupHash(kk.value()))
                .param("name", account.fullName()).param("place", demo.birthPlace()).param("birthDate", demo.birthDate())
                .param("gender", demo.gender().name()).param("mother", demo.mother()).param("email", account.email())
                .param("category", demo.category().name()).param("npp", pu ? DEMO_EMPLOYER_NPP : null)
                .param("job", pu ? demo.occupationOrJob() : null).param("start", pu ? activatedOn : null)
                .param("wage", pu ? demo.amount().value() : null)
                .param("occupation", pu ? null : demo.occupationOrJob()).param("location", pu ? null : "Pasar Simpang")
                .param("income", pu ? null : demo.amount().value()).param("jht", pu ? null : Boolean.TRUE)
                .param("officer", officer).param("decidedAt", Timestamp.from(decidedAt))
                .update();
        Kpj kpj = Verification.nextKpj(jdbc, activatedOn.getYear());
        List<String> programs = demo.category().programs(true);
        UUID member = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO membership.member (id, account_id, application_id, kpj, nik_hash, full_name, status,
                                                       activated_on, created_at, verify_token, category, programs,
                                                       declared_income)
                        VALUES (:id, :account, :application, :kpj, :nikHash, :name, 'ACTIVE', :on, :at, :token,
                                :category, :programs, :income)""")
                .param("id", member).param("account", account.id()).param("application", application)
                .param("kpj", kpj.value()).param("nikHash", personalData.lookupHash(nik.value()))
                .param("name", account.fullName()).param("on", activatedOn).param("at", Timestamp.from(decidedAt))
                .param("token", CardCheck.newToken()).param("category", demo.category().name())
                .param("programs", programs.toArray(String[]::new))
                .param("income", pu ? null : demo.amount().value())
                .update();
        events.publishEvent(new MemberActivated(member, account.id(), kpj.value(), activatedOn, demo.category(),
                programs, pu ? null : demo.amount()));
    }
}
