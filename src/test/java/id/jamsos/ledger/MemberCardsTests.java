package id.jamsos.ledger;

import static id.jamsos.ledger.LedgerFixtures.on;
import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.account.Visitor;
import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.Bills;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.internal.BillingRun;
import id.jamsos.ledger.LedgerFixtures.Person;
import id.jamsos.platform.PersonalData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Several KPJ cards (job changes): a member links the card an employer registered for them earlier by proving its
 * NIK and date of birth, sees each card's balance and the sum; any mismatch gets one message, attempts are limited
 * and audited; nobody reaches a card that is not theirs (404, the same as a KPJ that does not exist).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class MemberCardsTests {

    static final String PASSWORD = "Kartu-Kpj-Lama-2026";
    static final String REFUSED_ID = "Kartu tidak dapat ditambahkan. Periksa nomor KPJ, NIK, dan tanggal lahir, lalu coba lagi.";
    static final DateTimeFormatter INDONESIAN = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BillingRun billing;
    @Autowired
    Bills bills;
    @Autowired
    JhtBalances balances;
    @Autowired
    PersonalData personalData;
    @LocalServerPort
    int port;

    @Test
    void aMemberLinksTheCardAnEmployerRegisteredAndSeesEachBalanceAndTheSumWhileNobodyElseReachesIt()
            throws Exception {
        LedgerFixtures fixtures = new LedgerFixtures(jdbc);
        Person person = Person.random();
        String email = Visitor.uniqueEmail("cards");
        Visitor member = Visitor.signedInMember(port, mvc, "Hendra Gunawan", email, PASSWORD);
        UUID own = fixtures.activeMember(accountId(email), email, "Hendra Gunawan", person, personalData);
        UUID oldCard = fixtures.employerCard("HENDRA GUNAWAN", person, personalData);
        long employer = fixtures.employer(3);
        fixtures.employ(employer, oldCard, LocalDate.of(2019, 3, 1), 4_000_000);
        fixtures.reportWage(employer, Period.of(2023, 5), oldCard, 4_000_000);
        billing.run(Period.of(2023, 5), Set.of(Category.PU), on(LocalDate.of(2023, 6, 1)), p -> { });
        bills.settle(fixtures.billOf(employer, Period.of(2023, 5)), LocalDate.of(2023, 6, 9), "cards-" + oldCard);
        awaitBalance(oldCard, 228_000); // 5.7 % of 4,000,000
        String ownKpj = fixtures.kpjOf(own);
        String oldKpj = fixtures.kpjOf(oldCard);
        Person stranger = Person.random();
        UUID theirs = fixtures.employerCard("ORANG LAIN", stranger, personalData);
        String theirKpj = fixtures.kpjOf(theirs);

        // Before it is linked the old card is nobody's business: the same 404 as a KPJ that does not exist.
        assertThat(member.get("/saldo-jht?kpj=" + oldKpj).status()).isEqualTo(404);
        Visitor.Page unlinked = member.api("GET", "/api/v1/ledger/" + oldKpj + "/balance", null, null, null);
        Visitor.Page none = member.api("GET", "/api/v1/ledger/99999999999/balance", null, null, null);
        assertThat(unlinked.status()).isEqualTo(404);
        assertThat(unlinked.body().replace(oldKpj, "99999999999")).isEqualTo(none.body());

        // Every mismatch gets the same answer, and nothing is linked.
        String born = INDONESIAN.format(person.born());
        String[][] wrong = {
                {oldKpj, stranger.nik(), born},                                   // another NIK
                {oldKpj, person.nik(), INDONESIAN.format(person.born().plusDays(1))}, // another birth date
                {theirKpj, person.nik(), born},                                   // somebody else's card
                {"12345", "abc", "kemarin"}};                                    // not even well formed
        for (String[] attempt : wrong) {
            Visitor.Page refused = member.submit("/saldo-jht/kartu", "/saldo-jht/kartu", "kpj", attempt[0],
                    "nik", attempt[1], "tanggalLahir", attempt[2]);
            assertThat(refused.status()).as(attempt[0]).isEqualTo(400);
            assertThat(refused.body()).as(attempt[0]).contains(REFUSED_ID).doesNotContain("Rp 228.000");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM membership.card_link WHERE account_id = :a")
                .param("a", accountId(email)).query(Long.class).single()).isZero();

        Visitor.Page linked = member.submit("/saldo-jht/kartu", "/saldo-jht/kartu", "kpj", oldKpj,
                "nik", person.nik(), "tanggalLahir", person.born().toString());
        assertThat(linked.status()).isEqualTo(302);
        assertThat(linked.location()).endsWith("/saldo-jht?kpj=" + oldKpj);
        Visitor.Page page = member.get("/saldo-jht");
        assertThat(page.body()).contains("Kartu KPJ Anda").contains(ownKpj).contains(oldKpj)
                .contains("Jumlah saldo semua kartu").contains("Rp 228.000");
        Visitor.Page oldPage = member.get("/saldo-jht?kpj=" + oldKpj);
        assertThat(oldPage.status()).isEqualTo(200);
        assertThat(oldPage.body()).contains("Tidak aktif").contains("Rp 228.000");
        assertThat(member.get("/saldo-jht/riwayat?kpj=" + oldKpj).body()).contains(fixtures.employerName(employer))
                .contains("Rp 4.000.000");
        assertThat(member.get("/saldo-jht?lang=en").body()).contains("Your KPJ cards").contains("Balance of all cards");
        Visitor.Page cards = member.api("GET", "/api/v1/ledger/cards", null, null, null);
        assertThat(cards.body()).contains("\"kpj\":\"" + ownKpj + "\",").contains("\"kpj\":\"" + oldKpj + "\",")
                .contains("\"own\":false,\"balance\":228000").contains("\"combinedBalance\":228000");
        assertThat(member.api("GET", "/api/v1/ledger/" + oldKpj + "/balance", null, null, null).status())
                .isEqualTo(200);
        assertThat(member.api("GET", "/api/v1/ledger/" + oldKpj + "/contributions", null, null, null).body())
                .contains("\"wage\":4000000");
        assertThat(new String(member.download("/saldo-jht/riwayat.csv?kpj=" + oldKpj).body(), StandardCharsets.UTF_8))
                .contains("\"2023-05\"");
        assertThat(member.download("/saldo-jht/laporan?tahun=2023&kpj=" + oldKpj).statusCode()).isEqualTo(200);

        // The same card cannot be linked twice; the trail has every attempt, without the full KPJ.
        assertThat(member.submit("/saldo-jht/kartu", "/saldo-jht/kartu", "kpj", oldKpj, "nik", person.nik(),
                "tanggalLahir", born).status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'MEMBER_CARD_LINK'"
                        + " AND actor_account_id = :a AND outcome = 'DENIED'")
                .param("a", accountId(email)).query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'MEMBER_CARD_LINK'"
                        + " AND actor_account_id = :a AND outcome = 'SUCCESS' AND target_id = :t")
                .param("a", accountId(email)).param("t", "*******" + oldKpj.substring(7)).query(Long.class).single())
                .isEqualTo(1);

        // Another member reaches none of it, on any address: 404 like a KPJ that does not exist.
        String otherEmail = Visitor.uniqueEmail("cards-other");
        Visitor other = Visitor.signedInMember(port, mvc, "Orang Lain", otherEmail, PASSWORD);
        fixtures.activeMember(accountId(otherEmail), otherEmail, "Orang Lain", stranger, personalData);
        for (String path : new String[] {"/saldo-jht?kpj=", "/saldo-jht/riwayat?kpj=", "/saldo-jht/riwayat.csv?kpj=",
                "/saldo-jht/laporan?tahun=2023&kpj=", "/saldo-jht/proyeksi?kpj="}) {
            assertThat(other.get(path + oldKpj).status()).as(path).isEqualTo(404);
            assertThat(other.get(path + ownKpj).status()).as(path).isEqualTo(404);
            assertThat(other.get(path + "99999999999").status()).as(path).isEqualTo(404);
        }
        for (String path : new String[] {"/balance", "/contributions", "/statements/2023", "/projection"}) {
            Visitor.Page foreign = other.api("GET", "/api/v1/ledger/" + oldKpj + path, null, null, null);
            Visitor.Page unknown = other.api("GET", "/api/v1/ledger/99999999999" + path, null, null, null);
            assertThat(foreign.status()).as(path).isEqualTo(404);
            assertThat(foreign.body().replace(oldKpj, "99999999999")).as(path).isEqualTo(unknown.body());
        }
        assertThat(other.api("GET", "/api/v1/ledger/cards", null, null, null).body()).doesNotContain(oldKpj)
                .doesNotContain(ownKpj);
    }

    @Test
    void failedAttemptsAreLimitedToFiveAnHourEvenForTheRightCard() throws Exception {
        LedgerFixtures fixtures = new LedgerFixtures(jdbc);
        Person person = Person.random();
        String email = Visitor.uniqueEmail("cards-throttle");
        Visitor member = Visitor.signedInMember(port, mvc, "Yuni Astuti", email, PASSWORD);
        fixtures.activeMember(accountId(email), email, "Yuni Astuti", person, personalData);
        String oldKpj = fixtures.kpjOf(fixtures.employerCard("YUNI ASTUTI", person, personalData));
        for (int i = 0; i < 5; i++) {
            assertThat(member.submit("/saldo-jht/kartu", "/saldo-jht/kartu", "kpj", oldKpj, "nik", person.nik(),
                    "tanggalLahir", "01-01-1900").status()).isEqualTo(400);
        }
        Visitor.Page throttled = member.submit("/saldo-jht/kartu?lang=en", "/saldo-jht/kartu", "kpj", oldKpj,
                "nik", person.nik(), "tanggalLahir", person.born().toString());
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.body()).contains("Too many failed attempts. Try again from").contains("WIB");
        String body = "{\"kpj\":\"" + oldKpj + "\",\"nik\":\"" + person.nik() + "\",\"birthDate\":\""
                + person.born() + "\"}";
        Visitor.Page api = member.api("POST", "/api/v1/ledger/cards", "application/json",
                body.getBytes(StandardCharsets.UTF_8), "/saldo-jht");
        assertThat(api.status()).isEqualTo(429);
        assertThat(api.body()).contains("too-many-attempts");
        assertThat(jdbc.sql("SELECT count(*) FROM membership.card_link WHERE account_id = :a")
                .param("a", accountId(email)).query(Long.class).single()).isZero();
    }

    @Test
    void theApiLinksACardAndRefusesAMismatchWithOneProblem() throws Exception {
        LedgerFixtures fixtures = new LedgerFixtures(jdbc);
        Person person = Person.random();
        String email = Visitor.uniqueEmail("cards-api");
        Visitor member = Visitor.signedInMember(port, mvc, "Rudi Hartono", email, PASSWORD);
        fixtures.activeMember(accountId(email), email, "Rudi Hartono", person, personalData);
        String oldKpj = fixtures.kpjOf(fixtures.employerCard("RUDI HARTONO", person, personalData));
        String wrong = "{\"kpj\":\"" + oldKpj + "\",\"nik\":\"" + person.nik() + "\",\"birthDate\":\"1900-01-01\"}";
        Visitor.Page refused = member.api("POST", "/api/v1/ledger/cards?lang=en", "application/json",
                wrong.getBytes(StandardCharsets.UTF_8), "/saldo-jht");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("card-not-linked").contains("The card could not be added.");
        String right = "{\"kpj\":\"" + oldKpj + "\",\"nik\":\"" + person.nik() + "\",\"birthDate\":\""
                + INDONESIAN.format(person.born()) + "\"}";
        Visitor.Page linked = member.api("POST", "/api/v1/ledger/cards", "application/json",
                right.getBytes(StandardCharsets.UTF_8), "/saldo-jht");
        assertThat(linked.status()).isEqualTo(201);
        assertThat(linked.body()).contains(oldKpj);
    }

    private UUID accountId(String email) {
        return jdbc.sql("SELECT id FROM account.account WHERE email = :e").param("e", email).query(UUID.class).single();
    }

    private void awaitBalance(UUID member, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline
                && balances.balance(member).map(Rupiah::value).orElse(0L) != expected) {
            Thread.sleep(100);
        }
        assertThat(balances.balance(member)).contains(Rupiah.of(expected));
    }
}
