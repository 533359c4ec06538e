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
 * The commit check that lets a yield chunk post thousands of entries (V121): the first deferred call checks every
 * entry from its id upward in one query and the others return at once; no entry of the transaction escapes it,
 * whatever the order of ids or checks.
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
