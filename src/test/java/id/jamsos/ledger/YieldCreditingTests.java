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
import id.jamsos.ledger.internal.YieldCrediting;
import id.jamsos.ledger.internal.YieldRates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
        int crashAt = (int) ((mine.get(15) - first) / 10);
        assertThatThrownBy(() -> crediting.credit(2032, 10, chunk -> {
            if (chunk == crashAt) {
                throw new IllegalStateException("power cut");
            }
        })).hasMessage("power cut");
        long creditedBefore = mine.stream().filter(a -> yieldEntries(a, 2032) == 1).count();
        assertThat(creditedBefore).isBetween(1L, 29L);

        crediting.credit(2032, 10, chunk -> { });
        for (int i = 0; i < mine.size(); i++) {
            long expected = ((300_000 + 1_000L * i) * 12 * 400 + 60_000) / 120_000;
            assertThat(yieldEntries(mine.get(i), 2032)).as("account %d", i).isEqualTo(1);
            assertThat(yieldOf(mine.get(i), 2032)).as("account %d", i).isEqualTo(expected);
        }
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
