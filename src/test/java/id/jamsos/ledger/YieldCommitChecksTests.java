package id.jamsos.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.jamsos.ledger.internal.LedgerAccounts;
import id.jamsos.ledger.internal.LedgerAccounts.Kind;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The set-based checks that let a yield chunk post thousands of entries: the commit check (V121), where the first
 * deferred call checks every entry from its id upward in one query and the others return at once, so that no entry
 * of the transaction escapes it whatever the order of ids or checks; and the references of lines and yield credits
 * checked once per statement (V122) as strictly as the foreign keys they replace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class YieldCommitChecksTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    LedgerAccounts accounts;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aTransactionOfManyBalancedEntriesCommits() {
        String key = "checks:" + UUID.randomUUID();
        transactions.executeWithoutResult(s -> {
            for (int i = 0; i < 50; i++) {
                balanced(entry(key + ":" + i, null));
            }
        });
        assertThat(count(key)).isEqualTo(50);
    }

    @Test
    void anEntryWithoutLinesAmongBalancedOnesFailsTheCommit() {
        String key = "checks:" + UUID.randomUUID();
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
            balanced(entry(key + ":1", null));
            entry(key + ":empty", null);
            balanced(entry(key + ":2", null));
        })).isInstanceOf(DataAccessException.class).hasMessageContaining("does not balance");
        assertThat(count(key)).isZero();
    }

    @Test
    void anEntryInsertedAfterAnEarlierCheckIsCheckedAgain() {
        String key = "checks:" + UUID.randomUUID();
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
            balanced(entry(key + ":1", null));
            jdbc.sql("SET CONSTRAINTS ALL IMMEDIATE").update(); // the first check runs here
            jdbc.sql("SET CONSTRAINTS ALL DEFERRED").update();
            entry(key + ":empty", null);
        })).isInstanceOf(DataAccessException.class).hasMessageContaining("does not balance");
        assertThat(count(key)).isZero();
    }

    @Test
    void anEntryWithAnIdBelowTheRangeAlreadyCheckedOrInsideItIsCheckedToo() {
        String key = "checks:" + UUID.randomUUID();
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
            long low = nextId();
            long middle = nextId();
            balanced(entry(key + ":1", null));
            balanced(entry(key + ":2", null));
            jdbc.sql("SET CONSTRAINTS ALL IMMEDIATE").update();
            jdbc.sql("SET CONSTRAINTS ALL DEFERRED").update();
            balanced(entry(key + ":low", low));
            entry(key + ":middle", middle); // below the checked range; no lines
        })).isInstanceOf(DataAccessException.class).hasMessageContaining("does not balance");
        assertThat(count(key)).isZero();
    }

    @Test
    void anEntryInsideTheCheckedRangeInsertedAfterTheCheckIsCheckedToo() {
        String key = "checks:" + UUID.randomUUID();
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
            long first = nextId();
            long middle = nextId();
            long last = nextId();
            balanced(entry(key + ":first", first));
            balanced(entry(key + ":last", last));
            jdbc.sql("SET CONSTRAINTS ALL IMMEDIATE").update(); // checks first..last
            jdbc.sql("SET CONSTRAINTS ALL DEFERRED").update();
            entry(key + ":middle", middle);
        })).isInstanceOf(DataAccessException.class).hasMessageContaining("does not balance");
        assertThat(count(key)).isZero();
    }

    @Test
    void aLineOfAnEntryOrOnAnAccountThatDoesNotExistIsRefused() {
        String key = "checks:" + UUID.randomUUID();
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> jdbc.sql(
                        "INSERT INTO ledger.line (entry_id, line_no, account_id, side, amount) VALUES (:e, 1, :a, 'D', 100),"
                                + " (:e, 2, :a, 'C', 100)")
                .param("e", nextId()).param("a", accounts.system(Kind.FUND, "JHT")).update()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("which does not exist");
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
            long entry = entry(key, null);
            jdbc.sql("INSERT INTO ledger.line (entry_id, line_no, account_id, side, amount) VALUES (:e, 1, :a, 'D', 100),"
                            + " (:e, 2, 999999999, 'C', 100)")
                    .param("e", entry).param("a", accounts.system(Kind.FUND, "JHT")).update();
        })).isInstanceOf(DataAccessException.class).hasMessageContaining("999999999");
        assertThat(count(key)).isZero();
    }

    @Test
    void aYieldCreditOfAnAccountRateOrEntryThatDoesNotExistIsRefused() {
        long rate = jdbc.sql("SELECT max(id) FROM ledger.yield_rate").query(Long.class).single();
        long account = accounts.openJht(UUID.randomUUID(), null, java.time.LocalDate.of(2030, 1, 1));
        String insert = "INSERT INTO ledger.yield_credit (account_id, year, rate_id, amount, entry_id)"
                + " VALUES (:a, 2099, :r, 0, :e)";
        assertThatThrownBy(() -> jdbc.sql(insert).param("a", 999999999L).param("r", rate).param("e", null).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("no account 999999999");
        assertThatThrownBy(() -> jdbc.sql(insert).param("a", account).param("r", 999999999L).param("e", null).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("no yield rate 999999999");
        assertThatThrownBy(() -> jdbc.sql(insert).param("a", account).param("r", rate).param("e", 999999999L).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("no journal entry 999999999");
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
            jdbc.sql(insert).param("a", account).param("r", rate).param("e", null).update();
            jdbc.sql("UPDATE ledger.yield_credit SET entry_id = 999999999 WHERE account_id = :a AND year = 2099")
                    .param("a", account).update();
        })).isInstanceOf(DataAccessException.class).hasMessageContaining("no journal entry 999999999");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger.yield_credit WHERE account_id = :a").param("a", account)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aLedgerAccountCannotBeDeletedNorRenumbered() {
        long account = accounts.openJht(UUID.randomUUID(), null, java.time.LocalDate.of(2030, 1, 1));
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger.account WHERE id = :a").param("a", account).update())
                .isInstanceOf(DataAccessException.class); // refused by V122 and V126 alike
        assertThatThrownBy(() -> jdbc.sql("UPDATE ledger.account SET id = DEFAULT WHERE id = :a").param("a", account)
                .update()).isInstanceOf(DataAccessException.class).hasMessageContaining("permanent");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger.account WHERE id = :a").param("a", account)
                .query(Long.class).single()).isOne();
    }

    private long nextId() {
        return jdbc.sql("SELECT nextval(pg_get_serial_sequence('ledger.entry', 'id'))").query(Long.class).single();
    }

    private long entry(String key, Long id) {
        if (id == null) {
            return jdbc.sql("INSERT INTO ledger.entry (reason, effective_on, idempotency_key)"
                    + " VALUES ('ADJUSTMENT', DATE '2025-01-01', :key) RETURNING id").param("key", key)
                    .query(Long.class).single();
        }
        return jdbc.sql("INSERT INTO ledger.entry (id, reason, effective_on, idempotency_key) OVERRIDING SYSTEM VALUE"
                + " VALUES (:id, 'ADJUSTMENT', DATE '2025-01-01', :key) RETURNING id").param("id", id)
                .param("key", key).query(Long.class).single();
    }

    private void balanced(long entry) {
        jdbc.sql("INSERT INTO ledger.line (entry_id, line_no, account_id, side, amount) VALUES (:e, 1, :a, 'D', 100),"
                        + " (:e, 2, :b, 'C', 100)")
                .param("e", entry).param("a", accounts.system(Kind.CLEARING, "JHT"))
                .param("b", accounts.system(Kind.FUND, "JHT")).update();
        // keep the cached balances true for the tests that run ledger check on the same database
        jdbc.sql("UPDATE ledger.balance SET debits = debits + 100 WHERE account_id = :a")
                .param("a", accounts.system(Kind.CLEARING, "JHT")).update();
        jdbc.sql("UPDATE ledger.balance SET credits = credits + 100 WHERE account_id = :b")
                .param("b", accounts.system(Kind.FUND, "JHT")).update();
    }

    private long count(String key) {
        return jdbc.sql("SELECT count(*) FROM ledger.entry WHERE idempotency_key LIKE :key").param("key", key + "%")
                .query(Long.class).single();
    }
}
