package id.jamsos.contribution;

import static id.jamsos.contribution.BillingFixtures.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.jamsos.common.Period;
import id.jamsos.contribution.internal.BillingRun;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A payment reads the payer's open bills locked ({@link Bills#arrearsLocked}): nobody else may change or settle them
 * until it commits, and settling one of them in the same transaction reads it no more.
 */
@SpringBootTest
class LockedArrearsTests {

    static final Period JANUARY = Period.of(2025, 1);
    static final Period FEBRUARY = Period.of(2025, 2);

    @Autowired
    Bills bills;
    @Autowired
    BillingRun billing;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void lockedArrearsNeedTheCallersTransaction() {
        Payer company = Payer.employer(new BillingFixtures(jdbc).employer(1));
        assertThatThrownBy(() -> bills.arrearsLocked(company, LocalDate.of(2025, 3, 1)))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void theBillsStayLockedUntilTheCommitAndSettlingOneOfThemReadsItNoMore() {
        BillingFixtures fixtures = new BillingFixtures(jdbc);
        long employer = fixtures.employer(1);
        UUID worker = fixtures.employ(employer, LocalDate.of(2024, 11, 1), 5_000_000);
        fixtures.reportWage(employer, JANUARY, worker, 5_000_000);
        fixtures.reportWage(employer, FEBRUARY, worker, 5_000_000);
        billing.run(JANUARY, EnumSet.of(Category.PU), on(LocalDate.of(2025, 2, 1)), p -> { });
        billing.run(FEBRUARY, EnumSet.of(Category.PU), on(LocalDate.of(2025, 3, 1)), p -> { });
        long january = fixtures.billOf(employer, JANUARY);
        long february = fixtures.billOf(employer, FEBRUARY);
        Payer company = Payer.employer(employer);
        LocalDate paidOn = LocalDate.of(2025, 3, 10); // January one month late, February in time

        // Settling January after the plain arrears: the bill's reads (its own, and the settlement's foreign key).
        long[] plain = new long[1];
        Settlement januaryPaid = transactions.execute(status -> {
            assertThat(bills.arrears(company, paidOn).bills()).extracting(UnpaidBill::billId)
                    .containsExactly(january, february);
            long before = billReads();
            Settlement settled = bills.settle(january, paidOn, "locked-arrears-jan-" + employer);
            plain[0] = billReads() - before;
            return settled;
        });
        assertThat(januaryPaid).isInstanceOf(Settlement.Settled.class);

        // Settling February after the locked arrears: the same outcome, one read of the bill less.
        long[] locked = new long[1];
        Settlement februaryPaid = transactions.execute(status -> {
            assertThat(bills.arrearsLocked(company, paidOn).bills()).extracting(UnpaidBill::billId)
                    .containsExactly(february);
            // Another transaction may not take the bill meanwhile.
            assertThat(lockableElsewhere(february)).isFalse();
            long before = billReads();
            Settlement settled = bills.settle(february, paidOn, "locked-arrears-feb-" + employer);
            locked[0] = billReads() - before;
            return settled;
        });
        assertThat(februaryPaid).isInstanceOfSatisfying(Settlement.Settled.class, settled -> {
            assertThat(settled.repeated()).isFalse();
            assertThat(settled.paidOn()).isEqualTo(paidOn);
        });
        assertThat(plain[0]).isPositive();
        assertThat(locked[0]).isEqualTo(plain[0] - 1);
        // After the commit the lock is gone, and the bill is settled once.
        assertThat(lockableElsewhere(february)).isTrue();
        assertThat(fixtures.count("SELECT count(*) FROM contribution.settlement WHERE bill_id = ?", february))
                .isEqualTo(1);
        // A settlement in a later transaction reads the bill itself again, and finds it paid.
        Settlement again = transactions.execute(status -> bills.settle(february, paidOn,
                "locked-arrears-feb-" + employer));
        assertThat(again).isInstanceOfSatisfying(Settlement.Settled.class, repeat -> assertThat(repeat.repeated()).isTrue());
    }

    /** Index scans of the bill table in the current transaction so far. */
    private long billReads() {
        return jdbc.sql("SELECT coalesce(idx_scan, 0) + coalesce(seq_scan, 0) FROM pg_stat_xact_user_tables"
                        + " WHERE schemaname = 'contribution' AND relname = 'bill'")
                .query(Long.class).single();
    }

    /** Whether a transaction on another connection can lock the bill at once. */
    private boolean lockableElsewhere(long billId) {
        return CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
            try {
                jdbc.sql("SELECT id FROM contribution.bill WHERE id = :id FOR UPDATE NOWAIT").param("id", billId)
                        .query(Long.class).single();
                return true;
            } catch (org.springframework.dao.DataAccessException busy) {
                status.setRollbackOnly();
                return false;
            }
        })).orTimeout(30, TimeUnit.SECONDS).join();
    }
}
