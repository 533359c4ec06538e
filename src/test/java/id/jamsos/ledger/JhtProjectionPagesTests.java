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
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The JHT projection to pension age: from today's balance, the wage the last bill used and the JHT rates in force, with
 * the default yield labelled as an assumption; the member changes the yield (0–15 %) and the wage, bad input is
 * refused with a message in either language and nothing else; the API answers the same numbers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class JhtProjectionPagesTests {

    static final String PASSWORD = "Proyeksi-Jht-Uji-2026";

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
    void aMemberSeesTheProjectionWithItsAssumptionsAndChangesThem() throws Exception {
        LedgerFixtures fixtures = new LedgerFixtures(jdbc);
        Person person = new Person("3273011708850004", LocalDate.of(1985, 8, 17));
        String email = Visitor.uniqueEmail("projection");
        Visitor member = Visitor.signedInMember(port, mvc, "Sri Mulyani", email, PASSWORD);
        UUID memberId = fixtures.activeMember(accountId(email), email, "Sri Mulyani", person, personalData);
        long employer = fixtures.employer(2);
        fixtures.employ(employer, memberId, LocalDate.of(2024, 12, 1), 7_000_000);
        fixtures.reportWage(employer, Period.of(2025, 1), memberId, 7_500_000);
        billing.run(Period.of(2025, 1), Set.of(Category.PU), on(LocalDate.of(2025, 2, 1)), p -> { });
        bills.settle(fixtures.billOf(employer, Period.of(2025, 1)), LocalDate.of(2025, 2, 10), "proj-" + memberId);
        awaitBalance(memberId, 427_500);
        String kpj = fixtures.kpjOf(memberId);

        Visitor.Page page = member.get("/saldo-jht/proyeksi");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Proyeksi JHT").contains("Ini perkiraan, bukan janji")
                .contains("Rp 427.500").contains("Rp 7.500.000").contains("3,70%").contains("2,00%")
                .contains("Rp 427.500 per bulan").contains("usia pensiun 65 tahun (bulan 8/2050)")
                .contains("rata-rata tingkat hasil pengembangan").contains("<caption id=\"projection-caption\"")
                .doesNotContain("style=");
        assertThat(member.get("/saldo-jht").body()).contains("/saldo-jht/proyeksi");

        Visitor.Page changed = member.get("/saldo-jht/proyeksi?hasil=0&upah=10.000.000");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body()).contains("Rp 570.000 per bulan").contains("0,00%");

        for (String bad : new String[] {"hasil=16", "hasil=lima", "hasil=-2", "upah=0", "upah=sepuluh"}) {
            Visitor.Page refused = member.get("/saldo-jht/proyeksi?" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.body()).as(bad).contains("role=\"alert\"").doesNotContain("projection-caption");
        }
        assertThat(member.get("/saldo-jht/proyeksi?hasil=16").body())
                .contains("Hasil pengembangan harus angka 0 sampai 15");
        assertThat(member.get("/saldo-jht/proyeksi?hasil=16&lang=en").body())
                .contains("The yield must be a number from 0 to 15");
        assertThat(member.get("/saldo-jht/proyeksi?upah=0&lang=en").body())
                .contains("The monthly wage must be an amount in rupiah above 0");

        Visitor.Page json = member.api("GET", "/api/v1/ledger/" + kpj + "/projection?yield=6,5&lang=id", null, null, null);
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body()).contains("\"monthlyWage\":7500000").contains("\"monthlyContribution\":427500")
                .contains("\"yieldBasisPoints\":650").contains("\"defaultYield\":false").contains("\"pensionAge\":65")
                .contains("\"pensionMonth\":\"2050-08\"").contains("\"year\":2050").contains("\"assumption\":\"Perkiraan");
        Matcher at = Pattern.compile("\"balanceAtPensionAge\":([0-9]+)").matcher(json.body());
        assertThat(at.find()).isTrue();
        assertThat(Long.parseLong(at.group(1))).isGreaterThan(427_500L + 12L * 427_500 * 20);
        assertThat(member.api("GET", "/api/v1/ledger/" + kpj + "/projection", null, null, null).body())
                .contains("\"defaultYield\":true");
        Visitor.Page invalid = member.api("GET", "/api/v1/ledger/" + kpj + "/projection?yield=20&lang=en", null, null,
                null);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("invalid-input").contains("The yield must be a number from 0 to 15");
        assertThat(member.get("/v3/api-docs").body()).contains("/api/v1/ledger/{kpj}/projection")
                .contains("/api/v1/ledger/cards");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger.jht_contribution WHERE member_id = :m").param("m", memberId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void withoutAWageOnAnyBillTheMemberIsAskedForOne() throws Exception {
        LedgerFixtures fixtures = new LedgerFixtures(jdbc);
        String email = Visitor.uniqueEmail("projection-nowage");
        Visitor member = Visitor.signedInMember(port, mvc, "Budi Baru", email, PASSWORD);
        fixtures.activeMember(accountId(email), email, "Budi Baru", Person.random(), personalData);
        Visitor.Page page = member.get("/saldo-jht/proyeksi");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Belum ada upah pada tagihan Anda");
        Visitor.Page typed = member.get("/saldo-jht/proyeksi?upah=4000000");
        assertThat(typed.status()).isEqualTo(200);
        assertThat(typed.body()).contains("Rp 228.000 per bulan");
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
