package id.jamsos.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.jamsos.common.Rupiah;
import id.jamsos.ledger.internal.LedgerAccounts;
import id.jamsos.ledger.internal.LedgerCheck;
import id.jamsos.ledger.internal.LedgerAccounts.Kind;
import id.jamsos.ledger.internal.Journal;
import id.jamsos.ledger.internal.JournalEntry;
import id.jamsos.ledger.internal.JournalEntry.Component;
import id.jamsos.ledger.internal.JournalEntry.Reason;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Properties of the journal over seeded random sequences of postings, reversals and yields (the seed is in the test's
 * name, so a failure is replayed by running that seed again): every entry balances, Σ debits = Σ credits, every
 * cached balance equals the sum of its lines. And the guards: an unbalanced entry is refused by the factory and by
 * the database; entries and lines cannot be updated or deleted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class LedgerPropertyTests {

    @Autowired
    Journal journal;
    @Autowired
    LedgerAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LedgerCheck check;
    @Autowired
    TransactionTemplate transactions;

    static Stream<Long> seeds() {
        return LongStream.of(1L, 42L, 20_250_101L, 7_777_777L, 987_654_321L).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anySequenceOfPostingsReversalsAndYieldsKeepsTheJournalBalanced(long seed) {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        String run = UUID.randomUUID().toString();
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long account = accounts.openJht(UUID.randomUUID(), null, LocalDate.of(2024, 1, 1));
            members.add(account);
        }
        List<Long> posted = new ArrayList<>();
        for (int step = 0; step < 60; step++) {
            int action = random.nextInt(10);
            String key = "property:" + run + ":" + step;
            JournalEntry entry;
            if (action < 6) {
                entry = contribution(random, members, key);
            } else if (action < 8 || posted.isEmpty()) {
                entry = yieldEntry(random, members, key);
            } else {
                long original = posted.get(random.nextInt(posted.size()));
                transactions.executeWithoutResult(s -> journal.reverse(original, LocalDate.of(2025, 12, 31)));
                continue;
            }
            JournalEntry toPost = entry;
            transactions.executeWithoutResult(s -> journal.post(toPost).ifPresent(posted::add));
            if (random.nextInt(8) == 0) { // a redelivered posting changes nothing
                transactions.executeWithoutResult(s -> assertThat(journal.post(toPost)).isEmpty());
            }
        }
        assertThat(unbalancedEntries()).as("seed %d", seed).isZero();
        assertThat(totals()).as("seed %d: Σ debits = Σ credits", seed).satisfies(t -> assertThat(t[0]).isEqualTo(t[1]));
        assertThat(cachedBalancesDifferingFromLines()).as("seed %d", seed).isEmpty();
        assertThat(yearsDifferingFromLines(members)).as("seed %d: each year's contributions kept = its lines", seed)
                .isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM ledger.balance_year WHERE account_id IN (:m)").param("m", members)
                .query(Long.class).single()).as("seed %d", seed).isPositive();
    }

    /** What `ledger check` finds wrong in the members' years kept in ledger.balance_year (V136) against their lines. */
    private List<String> yearsDifferingFromLines(List<Long> members) {
        return check.differences().stream()
                .filter(d -> members.stream().anyMatch(m -> d.startsWith("account " + m + " year "))).toList();
    }

    private JournalEntry contribution(RandomGenerator random, List<Long> members, String key) {
        JournalEntry.Builder entry = JournalEntry.builder(Reason.CONTRIBUTION,
                LocalDate.of(2023 + random.nextInt(3), 1 + random.nextInt(12), 1 + random.nextInt(28)), key);
        long total = 0;
        for (Long member : members) {
            if (random.nextBoolean()) {
                long employer = 1 + random.nextInt(400_000);
                long worker = 1 + random.nextInt(200_000);
                entry.credit(member, Rupiah.of(employer), Component.EMPLOYER);
                entry.credit(member, Rupiah.of(worker), Component.WORKER);
                total += employer + worker;
            }
        }
        long jkk = random.nextInt(30_000);
        entry.credit(accounts.system(Kind.FUND, "JKK"), Rupiah.of(jkk), null);
        entry.debit(accounts.system(Kind.CLEARING, "JKK"), Rupiah.of(jkk), null);
        entry.debit(accounts.system(Kind.CLEARING, "JHT"), Rupiah.of(total), null);
        if (entry.isEmpty()) {
            entry.debit(accounts.system(Kind.CLEARING, "JKM"), Rupiah.of(1), null)
                    .credit(accounts.system(Kind.FUND, "JKM"), Rupiah.of(1), null);
        }
        return entry.build();
    }

    private JournalEntry yieldEntry(RandomGenerator random, List<Long> members, String key) {
        long member = members.get(random.nextInt(members.size()));
        Rupiah amount = Rupiah.of(1 + random.nextInt(50_000));
        return JournalEntry.builder(Reason.YIELD, LocalDate.of(2024, 12, 31), key).yieldYear(2024)
                .debit(accounts.system(Kind.FUND, "JHT"), amount, null)
                .credit(member, amount, Component.YIELD).build();
    }

    @Test
    void theFactoryRefusesAnUnbalancedEntry() {
        JournalEntry.Builder unbalanced = JournalEntry.builder(Reason.CONTRIBUTION, LocalDate.of(2025, 1, 10), "x")
                .debit(accounts.system(Kind.CLEARING, "JHT"), Rupiah.of(100), null)
                .credit(accounts.system(Kind.FUND, "JHT"), Rupiah.of(99), null);
        assertThatThrownBy(unbalanced::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not balance");
        assertThatThrownBy(() -> JournalEntry.builder(Reason.CONTRIBUTION, LocalDate.of(2025, 1, 10), "y")
                .debit(accounts.system(Kind.CLEARING, "JHT"), Rupiah.of(100), null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two lines");
    }

    @Test
    void theDatabaseRefusesAnUnbalancedEntryAtCommit() {
        String key = "unbalanced:" + UUID.randomUUID();
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
            long id = jdbc.sql("INSERT INTO ledger.entry (reason, effective_on, idempotency_key)"
                    + " VALUES ('ADJUSTMENT', DATE '2025-01-01', :key) RETURNING id").param("key", key)
                    .query(Long.class).single();
            jdbc.sql("INSERT INTO ledger.line (entry_id, line_no, account_id, side, amount) VALUES (:e, 1, :a, 'D', 100),"
                            + " (:e, 2, :b, 'C', 90)")
                    .param("e", id).param("a", accounts.system(Kind.CLEARING, "JHT"))
                    .param("b", accounts.system(Kind.FUND, "JHT")).update();
        })).isInstanceOf(DataAccessException.class).hasMessageContaining("does not balance");
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> jdbc.sql(
                "INSERT INTO ledger.entry (reason, effective_on, idempotency_key) VALUES ('ADJUSTMENT', DATE '2025-01-01', :key)")
                .param("key", key + ":empty").update()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("does not balance");
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
            long id = jdbc.sql("INSERT INTO ledger.entry (reason, effective_on, idempotency_key)"
                            + " VALUES ('ADJUSTMENT', DATE '2025-01-01', :key) RETURNING id").param("key", key + ":nobody")
                    .query(Long.class).single();
            jdbc.sql("INSERT INTO ledger.line (entry_id, line_no, account_id, side, amount) VALUES (:e, 1, :a, 'D', 100),"
                            + " (:e, 2, (SELECT max(id) + 1000 FROM ledger.account), 'C', 100)")
                    .param("e", id).param("a", accounts.system(Kind.CLEARING, "JHT")).update();
        })).isInstanceOf(DataAccessException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger.account WHERE id = :a")
                .param("a", accounts.system(Kind.FUND, "JKK")).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger.entry WHERE idempotency_key LIKE :key")
                .param("key", key + "%").query(Long.class).single()).isZero();
    }

    @Test
    void entriesAndLinesCannotBeChangedOrDeleted() {
        long member = accounts.openJht(UUID.randomUUID(), null, LocalDate.of(2025, 1, 1));
        JournalEntry entry = JournalEntry.builder(Reason.CONTRIBUTION, LocalDate.of(2025, 2, 10), "append:" + UUID.randomUUID())
                .debit(accounts.system(Kind.CLEARING, "JHT"), Rupiah.of(57_000), null)
                .credit(member, Rupiah.of(37_000), Component.EMPLOYER)
                .credit(member, Rupiah.of(20_000), Component.WORKER).build();
        long id = transactions.execute(s -> journal.post(entry).orElseThrow());
        for (String change : List.of("UPDATE ledger.entry SET effective_on = DATE '2025-03-01' WHERE id = :id",
                "DELETE FROM ledger.entry WHERE id = :id", "UPDATE ledger.line SET amount = 1 WHERE entry_id = :id",
                "DELETE FROM ledger.line WHERE entry_id = :id")) {
            assertThatThrownBy(() -> jdbc.sql(change).param("id", id).update()).as(change)
                    .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        }
        long reversal = transactions.execute(s -> journal.reverse(id, LocalDate.of(2025, 3, 1)).orElseThrow());
        Optional<Long> again = transactions.execute(s -> journal.reverse(id, LocalDate.of(2025, 3, 1)));
        assertThat(again).isEmpty();
        assertThat(jdbc.sql("SELECT reverses FROM ledger.entry WHERE id = :id").param("id", reversal)
                .query(Long.class).single()).isEqualTo(id);
        assertThat(jdbc.sql("SELECT credits - debits FROM ledger.balance WHERE account_id = :a").param("a", member)
                .query(Long.class).single()).isZero();
    }

    private long unbalancedEntries() {
        return jdbc.sql("""
                        SELECT count(*) FROM (SELECT entry_id FROM ledger.line GROUP BY entry_id
                        HAVING sum(amount) FILTER (WHERE side = 'D') IS DISTINCT FROM sum(amount) FILTER (WHERE side = 'C')) u""")
                .query(Long.class).single();
    }

    private long[] totals() {
        return jdbc.sql("SELECT coalesce(sum(amount) FILTER (WHERE side = 'D'), 0) d,"
                        + " coalesce(sum(amount) FILTER (WHERE side = 'C'), 0) c FROM ledger.line")
                .query((rs, row) -> new long[] {rs.getLong("d"), rs.getLong("c")}).single();
    }

    private List<Long> cachedBalancesDifferingFromLines() {
        return jdbc.sql("""
                        SELECT b.account_id FROM ledger.cached_balance b
                        LEFT JOIN (SELECT account_id, sum(amount) FILTER (WHERE side = 'D') d,
                                          sum(amount) FILTER (WHERE side = 'C') c FROM ledger.line GROUP BY account_id) s
                               ON s.account_id = b.account_id
                        WHERE b.debits <> coalesce(s.d, 0) OR b.credits <> coalesce(s.c, 0)""")
                .query(Long.class).list();
    }
}
