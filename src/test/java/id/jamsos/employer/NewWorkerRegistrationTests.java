package id.jamsos.employer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.jamsos.common.InvalidValue;
import id.jamsos.common.Kpj;
import id.jamsos.employer.internal.Employments;
import id.jamsos.membership.MemberActivated;
import id.jamsos.membership.MemberCards;
import id.jamsos.platform.PersonalData;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * An employer registers a new worker who has no card yet (pendaftaran tenaga kerja baru): by NIK with the name and
 * date of birth, a card of origin EMPLOYER is issued, the JHT account opened and the employment started in one
 * transaction; a person who already holds a card keeps it; the worker later adds the card online.
 */
@SpringBootTest
@RecordApplicationEvents
class NewWorkerRegistrationTests {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PersonalData personalData;
    @Autowired
    Employments employments;
    @Autowired
    MemberCards memberCards;
    @Autowired
    ApplicationEvents events;

    EmployerFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new EmployerFixtures(jdbc, personalData);
    }

    @Test
    void aNewWorkerGetsAnEmployerCardAJhtAccountAndTheEmploymentAndAddsTheCardOnlineLater() {
        long employer = fixtures.employer("PT Pendatang Baru", 2);
        String nik = nik(LocalDate.of(1995, 8, 17), false);

        long employment = employments.join(EmployerFixtures.SOMEONE, employer, nik, "2026-11-02", "6.500.000",
                "Operator", "  Rina Kartika ", "1995-08-17");

        Map<String, Object> card = jdbc.sql("""
                        SELECT m.id, m.kpj, m.full_name, m.status, m.category, m.origin, m.birth_date, m.account_id,
                               m.activated_on
                          FROM employer.employment e JOIN membership.member m ON m.id = e.member_id
                         WHERE e.id = :e""").param("e", employment).query().singleRow();
        assertThat(card).containsEntry("full_name", "Rina Kartika").containsEntry("status", "ACTIVE")
                .containsEntry("category", "PU").containsEntry("origin", "EMPLOYER")
                .containsEntry("birth_date", java.sql.Date.valueOf("1995-08-17"))
                .containsEntry("activated_on", java.sql.Date.valueOf("2026-11-02"));
        assertThat(card.get("account_id")).isNull();
        String kpj = (String) card.get("kpj");
        assertThat(Kpj.parse(kpj).value()).as("a valid KPJ").isEqualTo(kpj);
        UUID member = (UUID) card.get("id");
        assertThat(events.stream(MemberActivated.class).filter(a -> a.memberId().equals(member))).singleElement()
                .satisfies(a -> assertThat(a.accountId()).isNull())
                .satisfies(a -> assertThat(a.programs()).containsExactly("JHT", "JKK", "JKM", "JP"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM ledger.account WHERE member_id = :m AND kind = 'MEMBER_JHT'").param("m", member)
                .query(Long.class).single() == 1);
        assertThat(jdbc.sql("SELECT details->>'kpj' FROM audit.audit_event WHERE action = 'WORKER_REGISTERED'"
                        + " AND target_id = :m").param("m", member.toString()).query(String.class).list())
                .containsExactly(kpj);

        // Another employer registers the same person: the same card, not a second one.
        long second = fixtures.employer("CV Kedua", 1);
        long other = employments.join(EmployerFixtures.SOMEONE, second, nik, "2026-11-09", "4000000", "Kasir",
                "Rina Kartika", "1995-08-17");
        assertThat(jdbc.sql("SELECT member_id FROM employer.employment WHERE id = :e").param("e", other)
                .query(UUID.class).single()).isEqualTo(member);
        assertThat(cards(nik)).isEqualTo(1);

        // The worker activates online later (her own membership), then adds the employer's card with NIK and birth date.
        UUID account = onlineMembership(nik, LocalDate.of(1995, 8, 17), "Rina Kartika");
        assertThat(memberCards.link(account, "rina@example.id", "10.1.2.3", kpj, nik, "17-08-1995"))
                .isInstanceOf(MemberCards.LinkOutcome.Linked.class);
        assertThat(memberCards.cardsOf(account)).extracting(m -> m.kpj()).contains(kpj);
    }

    @Test
    void aPersonWithACardKeepsItAndBadInputRegistersNothing() {
        long employer = fixtures.employer("PT Hati-Hati", 1);
        EmployerFixtures.TestMember known = fixtures.member("Bayu Saputra");
        long joined = employments.join(EmployerFixtures.SOMEONE, employer, known.nik(), "2026-11-02", "5000000",
                "Staf", "Nama Lain", "2001-01-01");
        assertThat(jdbc.sql("SELECT member_id FROM employer.employment WHERE id = :e").param("e", joined)
                .query(UUID.class).single()).as("the online membership, whatever name was typed").isEqualTo(known.id());

        String nik = nik(LocalDate.of(1990, 3, 5), true);
        assertRefused(() -> employments.join(EmployerFixtures.SOMEONE, employer, nik, "2026-11-02", "5000000", "Staf",
                "", ""), "employment.member.new-needs-name");
        assertRefused(() -> employments.join(EmployerFixtures.SOMEONE, employer, nik, "2026-11-02", "5000000", "Staf",
                "Dewi Anggraini", "1990-03-06"), "validation.nik.birth-date");
        assertRefused(() -> employments.join(EmployerFixtures.SOMEONE, employer, nik, "2026-11-02", "5000000", "Staf",
                "Dewi Anggraini", "05/03/1990"), "employment.birth-date.format");
        assertRefused(() -> employments.join(EmployerFixtures.SOMEONE, employer, nik, "2026-11-02", "5000000", "Staf",
                "D3wi <script>", "1990-03-05"), null);
        // The card would be made, but the employment is refused (wage 0): the transaction keeps neither.
        assertRefused(() -> employments.join(EmployerFixtures.SOMEONE, employer, nik, "2026-11-02", "0", "Staf",
                "Dewi Anggraini", "1990-03-05"), "wage.zero");
        assertThat(cards(nik)).isZero();
        // (by this employer: the masked NIK shows two digits, which other tests' workers share one time in a hundred)
        assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'WORKER_REGISTERED'"
                        + " AND details->>'nik' = :n AND details->>'employer' = :employer")
                .param("n", nik.substring(0, 6) + "********" + nik.substring(14))
                .param("employer", Long.toString(employer)).query(Long.class).single()).isZero();
    }

    @Test
    void twoEmployersRegisteringTheSameNewWorkerAtOnceMakeOneCard() throws Exception {
        long first = fixtures.employer("PT Serentak Satu", 1);
        long second = fixtures.employer("PT Serentak Dua", 1);
        String nik = nik(LocalDate.of(1988, 12, 1), false);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Long>> both = List.of(
                    () -> employments.join(EmployerFixtures.SOMEONE, first, nik, "2026-11-02", "5000000", "Staf",
                            "Agus Salim", "1988-12-01"),
                    () -> employments.join(EmployerFixtures.SOMEONE, second, nik, "2026-11-02", "5000000", "Staf",
                            "Agus Salim", "1988-12-01"));
            for (Future<Long> done : pool.invokeAll(both)) {
                assertThat(done.get()).isPositive();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(cards(nik)).isEqualTo(1);
    }

    /** A NIK of Surabaya (357801) with this birth date (day + 40 for a woman) and a random serial. */
    private static String nik(LocalDate born, boolean woman) {
        int day = born.getDayOfMonth() + (woman ? 40 : 0);
        return "357801" + "%02d%02d%02d".formatted(day, born.getMonthValue(), born.getYear() % 100)
                + "%04d".formatted(1 + RANDOM.nextInt(9999));
    }

    private long cards(String nik) {
        return jdbc.sql("SELECT count(*) FROM membership.member WHERE nik_hash = :h")
                .param("h", personalData.lookupHash(nik)).query(Long.class).single();
    }

    /** The person's own online membership (an approved application with this NIK and birth date). */
    private UUID onlineMembership(String nik, LocalDate born, String name) {
        UUID account = UUID.randomUUID();
        UUID application = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        byte[] hash = personalData.lookupHash(nik);
        jdbc.sql("""
                        INSERT INTO membership.application (id, account_id, status, nik_sealed, nik_hash, full_name,
                                                            birth_date, created_at, updated_at, decided_by, decided_at,
                                                            contact_email, contact_language)
                        VALUES (:id, :account, 'APPROVED', :sealed, :hash, :name, :born, :now, :now, :officer, :now,
                                'rina@example.id', 'id')""")
                .param("id", application).param("account", account).param("sealed", personalData.seal(nik.getBytes()))
                .param("hash", hash).param("name", name).param("born", born).param("now", now)
                .param("officer", UUID.randomUUID()).update();
        jdbc.sql("""
                        INSERT INTO membership.member (id, account_id, application_id, kpj, nik_hash, full_name, status,
                                                       activated_on, created_at)
                        VALUES (:id, :account, :application, :kpj, :hash, :name, 'ACTIVE', :on, :now)""")
                .param("id", UUID.randomUUID()).param("account", account).param("application", application)
                .param("kpj", Kpj.issue(97, 1 + RANDOM.nextInt(9_000_000)).value()).param("hash", hash)
                .param("name", name).param("on", LocalDate.of(2026, 11, 20)).param("now", now).update();
        return account;
    }

    private static void assertRefused(Runnable call, String key) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidValue.class, e -> {
            if (key != null) {
                assertThat(e.messageKey()).isEqualTo(key);
            }
        });
    }
}
