package id.jamsos.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.common.Rupiah;
import id.jamsos.ledger.internal.Journal;
import id.jamsos.ledger.internal.JournalEntry;
import id.jamsos.ledger.internal.JournalEntry.Component;
import id.jamsos.ledger.internal.JournalEntry.Reason;
import id.jamsos.ledger.internal.LedgerAccounts;
import id.jamsos.ledger.internal.LedgerAccounts.Kind;
import id.jamsos.platform.Command;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code ledger check} finds a cached balance that disagrees with the journal and exits 1. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class LedgerCheckTests {

    @Autowired
    List<Command> commands;
    @Autowired
    Journal journal;
    @Autowired
    LedgerAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aCachedBalanceThatDisagreesWithItsLinesIsReportedAndTheCommandExitsOne() {
        Command check = commands.stream().filter(c -> c.name().equals("ledger check")).findFirst().orElseThrow();
        long account = accounts.openJht(UUID.randomUUID(), null, LocalDate.of(2025, 1, 1));
        JournalEntry entry = JournalEntry.builder(Reason.CONTRIBUTION, LocalDate.of(2025, 2, 10), "check:" + UUID.randomUUID())
                .debit(accounts.system(Kind.CLEARING, "JHT"), Rupiah.of(57_000), null)
                .credit(account, Rupiah.of(37_000), Component.EMPLOYER)
                .credit(account, Rupiah.of(20_000), Component.WORKER).build();
        transactions.executeWithoutResult(s -> journal.post(entry));
        assertThat(run(check)).doesNotContain("account " + account + " ");

        jdbc.sql("UPDATE ledger.balance SET credits = credits + 1 WHERE account_id = :a").param("a", account).update();
        try {
            StringWriter out = new StringWriter();
            int exit = check.run(List.of(), new PrintWriter(out, true));
            assertThat(exit).isEqualTo(1);
            assertThat(out.toString()).contains("account " + account + " (MEMBER_JHT JHT): cached debits 0 credits 57001,"
                    + " lines debits 0 credits 57000");
        } finally {
            jdbc.sql("UPDATE ledger.balance SET credits = credits - 1 WHERE account_id = :a").param("a", account).update();
        }
        assertThat(run(check)).doesNotContain("account " + account + " ").doesNotContain("journal:")
                .doesNotContain("program JHT");

        // The year's contributions kept for the balance screen (V136) are checked against the lines too.
        assertThat(jdbc.sql("SELECT employer || '/' || worker FROM ledger.balance_year"
                + " WHERE account_id = :a AND year = 2025").param("a", account).query(String.class).single())
                .isEqualTo("37000/20000");
        jdbc.sql("UPDATE ledger.balance_year SET worker = worker + 1 WHERE account_id = :a").param("a", account).update();
        try {
            assertThat(run(check)).contains("account " + account + " year 2025: kept employer 37000 worker 20001,"
                    + " lines employer 37000 worker 20000");
        } finally {
            jdbc.sql("UPDATE ledger.balance_year SET worker = worker - 1 WHERE account_id = :a").param("a", account)
                    .update();
        }
        assertThat(run(check)).doesNotContain("account " + account + " ");
    }

    @Test
    void aPooledAccountsBalanceIsSpreadOverShardsAndAWrongShardIsReported() throws Exception {
        Command check = commands.stream().filter(c -> c.name().equals("ledger check")).findFirst().orElseThrow();
        long clearing = accounts.system(Kind.CLEARING, "JKM");
        long fund = accounts.system(Kind.FUND, "JKM");
        long before = cached(fund);
        int postings = 40;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < postings; i++) {
                done.add(pool.submit(() -> transactions.executeWithoutResult(s -> journal.post(
                        JournalEntry.builder(Reason.CONTRIBUTION, LocalDate.of(2025, 2, 10), "shard:" + UUID.randomUUID())
                                .debit(clearing, Rupiah.of(3_000), null).credit(fund, Rupiah.of(3_000), null).build()))));
            }
            for (var posting : done) {
                posting.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(cached(fund)).isEqualTo(before + postings * 3_000L);
        assertThat(jdbc.sql("SELECT count(*) FROM ledger.balance_shard WHERE account_id = :a").param("a", fund)
                .query(Long.class).single()).as("postings spread over shard rows").isGreaterThan(1);
        assertThat(run(check)).doesNotContain("account " + fund + " ").doesNotContain("program JKM");

        int shard = jdbc.sql("SELECT min(shard) FROM ledger.balance_shard WHERE account_id = :a").param("a", fund)
                .query(Integer.class).single();
        String corrupt = "UPDATE ledger.balance_shard SET credits = credits + :d WHERE account_id = :a AND shard = :s";
        jdbc.sql(corrupt).param("d", 5).param("a", fund).param("s", shard).update();
        try {
            assertThat(run(check)).contains("account " + fund + " (FUND JKM): cached debits");
        } finally {
            jdbc.sql(corrupt).param("d", -5).param("a", fund).param("s", shard).update();
        }
        assertThat(run(check)).doesNotContain("account " + fund + " ");
    }

    private long cached(long account) {
        return jdbc.sql("SELECT credits - debits FROM ledger.cached_balance WHERE account_id = :a").param("a", account)
                .query(Long.class).single();
    }

    private static String run(Command command) {
        StringWriter out = new StringWriter();
        command.run(List.of(), new PrintWriter(out, true));
        return out.toString();
    }
}
