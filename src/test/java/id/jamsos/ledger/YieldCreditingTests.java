package id.jamsos.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.jamsos.common.Rate;
import id.jamsos.common.Rupiah;
import id.jamsos.ledger.internal.Journal;
import id.jamsos.ledger.internal.JournalEntry;
import id.jamsos.ledger.internal.JournalEntry.Component;
import id.jamsos.ledger.internal.JournalEntry.Reason;
import id.jamsos.ledger.internal.LedgerAccounts;
import id.jamsos.ledger.internal.LedgerAccounts.Kind;
import id.jamsos.ledger.internal.LedgerCheck;
import id.jamsos.ledger.internal.YieldCrediting;
import id.jamsos.ledger.internal.YieldRates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The monthly-rest yield of RULES.md §5 against figures computed by hand; corrections; a crash and a rerun. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class YieldCreditingTests {

    @Autowired
    YieldCrediting crediting;
    @Autowired
    YieldRates rates;
    @Autowired
    Journal journal;
    @Autowired
    LedgerAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    LedgerCheck check;

    @Test
    void aYearWithContributionsInDifferentMonthsEarnsTheMonthlyRestYield() {
        assertThat(rates.inForce(2019).orElseThrow().rate()).isEqualTo(Rate.basisPoints(606));
        long account = accounts.openJht(UUID.randomUUID(), null, LocalDate.of(2018, 12, 1));
        contribute(account, LocalDate.of(2018, 12, 15), 1_000_000);
        contribute(account, LocalDate.of(2019, 3, 10), 300_000);
        contribute(account, LocalDate.of(2019, 7, 31), 285_000);
        contribute(account, LocalDate.of(2019, 12, 5), 200_000);

        crediting.credit(2018);
        // 2018 (6.26 %): B(12) = 1,000,000 → 1,000,000 × 626 / 120,000 = 5,216.67 → 5,217.
        assertThat(yieldOf(account, 2018)).isEqualTo(5_217);
        crediting.credit(2019);
        // 2019 (6.06 %): Σ B(m) = 12 × (1,000,000 + 5,217) + 10 × 300,000 + 6 × 285,000 + 1 × 200,000 = 16,972,604;
        // × 606 / 120,000 = 85,711.65 → 85,712 (the 2019 yield itself is not in its own months).
        assertThat(yieldOf(account, 2019)).isEqualTo(85_712);
        assertThat(balance(account)).isEqualTo(1_785_000 + 5_217 + 85_712);
        YieldCrediting.Totals again = crediting.credit(2019);
        assertThat(yieldOf(account, 2019)).isEqualTo(85_712);
        assertThat(yieldEntries(account, 2019)).isEqualTo(1);
        assertThat(again.credited()).isZero();
        assertThat(jdbc.sql("SELECT effective_on FROM ledger.entry e JOIN ledger.yield_credit c ON c.entry_id = e.id"
                        + " WHERE c.account_id = :a AND c.year = 2019").param("a", account).query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2019, 12, 31));
    }

    @Test
    void aCorrectedRatePostsOnlyTheDifference() {
        UUID admin = UUID.randomUUID();
        rates.declare(admin, "admin@demo.jamsos.test", "127.0.0.1", 2031, Rate.basisPoints(500), "Contoh RUPS 2032");
        long account = accounts.openJht(UUID.randomUUID(), null, LocalDate.of(2030, 6, 1));
        contribute(account, LocalDate.of(2030, 6, 1), 1_200_000);
        crediting.credit(2031);
        assertThat(yieldOf(account, 2031)).isEqualTo(60_000); // 12 × 1,200,000 × 500 / 120,000
        rates.declare(admin, "admin@demo.jamsos.test", "127.0.0.1", 2031, Rate.basisPoints(550), "Koreksi RUPS 2032");
        YieldCrediting.Totals corrected = crediting.credit(2031);
        assertThat(corrected.corrected()).isPositive();
        assertThat(yieldOf(account, 2031)).isEqualTo(66_000);
        assertThat(balance(account)).isEqualTo(1_266_000);
        assertThat(jdbc.sql("""
                        SELECT string_agg(e.reason || ':' || l.side || ':' || l.amount, ',' ORDER BY e.id)
                        FROM ledger.line l JOIN ledger.entry e ON e.id = l.entry_id
                        WHERE l.account_id = :a AND e.yield_year = 2031""").param("a", account)
                .query(String.class).single()).isEqualTo("YIELD:C:60000,REVERSAL:D:60000,YIELD:C:66000");
        crediting.credit(2031);
        assertThat(yieldEntries(account, 2031)).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_event WHERE action = 'YIELD_RATE_DECLARED'"
                + " AND target_id = '2031'").query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aCrashInTheMiddleOfTheJobThenARerunCreditsEveryAccountOnce() {
        rates.declare(UUID.randomUUID(), "admin@demo.jamsos.test", "127.0.0.1", 2032, Rate.basisPoints(400), "Contoh");
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long account = accounts.openJht(UUID.randomUUID(), null, LocalDate.of(2032, 1, 1));
            contribute(account, LocalDate.of(2032, 1, 15), 300_000 + 1_000L * i);
            mine.add(account);
        }
        long first = jdbc.sql("SELECT min(id) FROM ledger.account WHERE kind = 'MEMBER_JHT'").query(Long.class).single();
        int crashAt = (int) ((mine.get(10) - first) / 5);
        // the power goes at chunk crashAt: that chunk and one the other worker had in progress commit, no later one
        assertThatThrownBy(() -> crediting.credit(2032, 5, chunk -> {
            if (chunk >= crashAt) {
                throw new IllegalStateException("power cut");
            }
        })).hasMessage("power cut");
        long creditedBefore = mine.stream().filter(a -> yieldEntries(a, 2032) == 1).count();
        assertThat(creditedBefore).isBetween(11L, 20L);

        crediting.credit(2032, 5, chunk -> { });
        for (int i = 0; i < mine.size(); i++) {
            long expected = ((300_000 + 1_000L * i) * 12 * 400 + 60_000) / 120_000;
            assertThat(yieldEntries(mine.get(i), 2032)).as("account %d", i).isEqualTo(1);
            assertThat(yieldOf(mine.get(i), 2032)).as("account %d", i).isEqualTo(expected);
        }
    }

    @Test
    void theYieldComputedInTheDatabaseIsTheMonthlyRestYieldOfEveryAccount() {
        rates.declare(UUID.randomUUID(), "admin@demo.jamsos.test", "127.0.0.1", 2033, Rate.basisPoints(587), "Contoh");
        rates.declare(UUID.randomUUID(), "admin@demo.jamsos.test", "127.0.0.1", 2034, Rate.basisPoints(613), "Contoh");
        java.util.Random random = new java.util.Random(2034);
        Map<Long, Long> sums = new LinkedHashMap<>(); // Σ B(m) of 2034 without the 2033 yield
        for (int i = 0; i < 40; i++) {
            long account = accounts.openJht(UUID.randomUUID(), null, LocalDate.of(2033, 1, 1));
            long[] monthEnd = new long[13]; // B(1..12) of 2034, computed here month by month
            long before = 0;
            if (random.nextBoolean()) {
                before = 10_000 + random.nextInt(5_000_000);
                contribute(account, LocalDate.of(2033, 1 + random.nextInt(12), 1 + random.nextInt(28)), before);
            }
            for (int n = random.nextInt(6); n > 0; n--) {
                LocalDate on = LocalDate.of(2034, 1 + random.nextInt(12), 1 + random.nextInt(28));
                long amount = 1_000 + random.nextInt(3_000_000);
                contribute(account, on, amount);
                for (int m = on.getMonthValue(); m <= 12; m++) {
                    monthEnd[m] += amount;
                }
            }
            contribute(account, LocalDate.of(2035, 1, 5), 777_000); // after the year: not in its month-ends
            long sum = 0;
            for (int m = 1; m <= 12; m++) {
                sum += before + monthEnd[m];
            }
            sums.put(account, sum);
        }
        crediting.credit(2033); // the 2033 yield (dated 31 December 2033) is part of every 2034 month-end
        Map<Long, Long> expected = new LinkedHashMap<>();
        sums.forEach((account, sum) -> expected.put(account,
                ((sum + 12 * yieldOf(account, 2033)) * 613 + 60_000) / 120_000));
        crediting.credit(2034);
        expected.forEach((account, yield) -> {
            assertThat(yieldOf(account, 2034)).as("account %d", account).isEqualTo(yield);
            assertThat(yieldEntries(account, 2034)).as("account %d", account).isEqualTo(yield == 0 ? 0 : 1);
        });
        assertCachedBalancesAgree(expected.keySet());
    }

    @Test
    void aCorrectionMovesOnlyTheAccountsWhoseYieldChangesAndAZeroRateTakesTheYieldBack() {
        UUID admin = UUID.randomUUID();
        rates.declare(admin, "admin@demo.jamsos.test", "127.0.0.1", 2036, Rate.basisPoints(500), "Contoh");
        long small = accounts.openJht(UUID.randomUUID(), null, LocalDate.of(2036, 1, 1));
        long large = accounts.openJht(UUID.randomUUID(), null, LocalDate.of(2036, 1, 1));
        contribute(small, LocalDate.of(2036, 1, 2), 10); // Σ B(m) = 120: 120 × 500 / 120,000 = 0.5 → 1
        contribute(large, LocalDate.of(2036, 1, 2), 1_000_000);
        crediting.credit(2036);
        assertThat(yieldOf(small, 2036)).isEqualTo(1);
        assertThat(yieldOf(large, 2036)).isEqualTo(50_000);

        rates.declare(admin, "admin@demo.jamsos.test", "127.0.0.1", 2036, Rate.basisPoints(550), "Koreksi");
        crediting.credit(2036);
        assertThat(yieldEntries(small, 2036)).as("0.55 rounds to 1 as well: nothing moves").isEqualTo(1);
        assertThat(creditedRate(small, 2036)).isEqualTo(rates.inForce(2036).orElseThrow().id());
        assertThat(yieldOf(large, 2036)).isEqualTo(55_000);
        assertThat(yieldEntries(large, 2036)).isEqualTo(3);

        rates.declare(admin, "admin@demo.jamsos.test", "127.0.0.1", 2036, Rate.basisPoints(0), "Koreksi nol");
        YieldCrediting.Totals zero = crediting.credit(2036);
        assertThat(zero.corrected()).isGreaterThanOrEqualTo(2);
        assertThat(yieldOf(small, 2036)).isZero();
        assertThat(yieldOf(large, 2036)).isZero();
        assertThat(balance(large)).isEqualTo(1_000_000);
        assertThat(jdbc.sql("SELECT amount || ':' || coalesce(entry_id::text, '-') FROM ledger.yield_credit"
                + " WHERE account_id = :a AND year = 2036").param("a", large).query(String.class).single())
                .isEqualTo("0:-");

        rates.declare(admin, "admin@demo.jamsos.test", "127.0.0.1", 2036, Rate.basisPoints(600), "Koreksi lagi");
        crediting.credit(2036);
        assertThat(yieldOf(large, 2036)).isEqualTo(60_000);
        assertThat(yieldOf(small, 2036)).isEqualTo(1);
        assertThat(balance(large)).isEqualTo(1_060_000);
        assertCachedBalancesAgree(List.of(small, large));
    }

    /** ledger check finds the journal balanced and these accounts' cached balances equal to their lines. */
    private void assertCachedBalancesAgree(java.util.Collection<Long> mine) {
        List<String> differences = check.differences();
        assertThat(differences).noneMatch(d -> d.startsWith("journal:"));
        for (long account : mine) {
            assertThat(differences).noneMatch(d -> d.startsWith("account " + account + " "));
        }
        assertThat(differences).noneMatch(d -> d.startsWith("account " + accounts.system(Kind.FUND, "JHT") + " "));
    }

    private long creditedRate(long account, int year) {
        return jdbc.sql("SELECT rate_id FROM ledger.yield_credit WHERE account_id = :a AND year = :y")
                .param("a", account).param("y", year).query(Long.class).single();
    }

    private void contribute(long account, LocalDate on, long amount) {
        long employer = amount * 37 / 57;
        JournalEntry entry = JournalEntry.builder(Reason.CONTRIBUTION, on, "test-contribution:" + UUID.randomUUID())
                .debit(accounts.system(Kind.CLEARING, "JHT"), Rupiah.of(amount), null)
                .credit(account, Rupiah.of(employer), Component.EMPLOYER)
                .credit(account, Rupiah.of(amount - employer), Component.WORKER).build();
        transactions.executeWithoutResult(s -> journal.post(entry));
    }

    private long yieldOf(long account, int year) {
        return jdbc.sql("""
                        SELECT coalesce(sum(CASE l.side WHEN 'C' THEN l.amount ELSE -l.amount END), 0)
                        FROM ledger.line l JOIN ledger.entry e ON e.id = l.entry_id
                        WHERE l.account_id = :a AND e.yield_year = :y""")
                .param("a", account).param("y", year).query(Long.class).single();
    }

    private long yieldEntries(long account, int year) {
        return jdbc.sql("""
                        SELECT count(*) FROM ledger.line l JOIN ledger.entry e ON e.id = l.entry_id
                        WHERE l.account_id = :a AND e.yield_year = :y""")
                .param("a", account).param("y", year).query(Long.class).single();
    }

    private long balance(long account) {
        return jdbc.sql("SELECT credits - debits FROM ledger.balance WHERE account_id = :a").param("a", account)
                .query(Long.class).single();
    }
}
