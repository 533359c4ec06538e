package id.jamsos.contribution.internal;

import id.jamsos.common.Rate;
import id.jamsos.common.Rupiah;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Penalty lines of a PU bill, one per month step late (RULES.md §4: 2 % per month or part of a month). Step n carries
 * {@code share(rate, n) − share(rate, n − 1)}, so the sum of n steps is the penalty rounded once; each step is written
 * once however often the accrual runs (unique per bill and step).
 */
final class PenaltyLines {

    private PenaltyLines() {
    }

    /** Writes the missing steps up to {@code months}; answers how many were written. */
    static int accrue(JdbcClient jdbc, JdbcBills.StoredBill bill, Rate perMonth, int months) {
        int written = 0;
        Rupiah contribution = bill.contribution();
        for (int step = 1; step <= months; step++) {
            Rupiah amount = contribution.share(perMonth, step).minus(contribution.share(perMonth, step - 1));
            written += jdbc.sql("""
                            INSERT INTO contribution.bill_line (period, bill_id, kind, party, amount, penalty_step)
                            VALUES (:period, :id, 'PENALTY', 'EMPLOYER', :amount, :step)
                            ON CONFLICT (period, bill_id, penalty_step) WHERE kind = 'PENALTY' DO NOTHING""")
                    .param("period", bill.period().toString()).param("id", bill.id())
                    .param("amount", amount.value()).param("step", step).update();
        }
        return written;
    }
}
