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
    }

    private static String run(Command command) {
        StringWriter out = new StringWriter();
        command.run(List.of(), new PrintWriter(out, true));
        return out.toString();
    }
}
