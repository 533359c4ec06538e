package id.jamsos.contribution.internal;

import id.jamsos.common.Period;
import id.jamsos.common.Rate;
import id.jamsos.contribution.Contributions;
import id.jamsos.contribution.LatePenaltyRule;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Materialises late penalties (RULES.md §4, PU only) as the months pass: for every unpaid PU bill past its due date,
 * the penalty lines of the month steps started by {@code asOf}. Derived from the bill's facts and the day, so running
 * it twice, or late, writes each step once. Pages of bills, each page its own transaction.
 */
@Component
public class PenaltyAccrual {

    static final int PAGE = 500;

    private final JdbcClient jdbc;
    private final Contributions contributions;
    private final TransactionTemplate transaction;

    PenaltyAccrual(JdbcClient jdbc, Contributions contributions, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.contributions = contributions;
        this.transaction = transaction;
    }

    /**
     * Locks the bill as settlement does, then looks again: a bill settled since the page was read gets no more
     * penalty lines (its settlement charged the penalty as of its payment day).
     */
    private boolean stillUnpaid(JdbcBills.StoredBill bill) {
        jdbc.sql("SELECT id FROM contribution.bill WHERE id = :id FOR UPDATE").param("id", bill.id()).query().singleRow();
        return !jdbc.sql("SELECT EXISTS (SELECT 1 FROM contribution.settlement WHERE bill_id = :id)")
                .param("id", bill.id()).query(Boolean.class).single();
    }

    /** Answers the number of penalty lines written. */
    public int accrue(LocalDate asOf) {
        Map<Period, Rate> perMonth = new HashMap<>();
        int written = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<JdbcBills.StoredBill> page = jdbc.sql("SELECT " + JdbcBills.BILL_COLUMNS + """
                             FROM contribution.bill b
                            WHERE b.category = 'PU' AND b.due_date < :asOf AND b.id > :after
                              AND NOT EXISTS (SELECT 1 FROM contribution.settlement s WHERE s.bill_id = b.id)
                            ORDER BY b.id LIMIT :page""")
                    .param("asOf", asOf).param("after", from).param("page", PAGE)
                    .query(JdbcBills::bill).list();
            if (page.isEmpty()) {
                return written;
            }
            written += transaction.execute(status -> page.stream().filter(this::stillUnpaid).mapToInt(bill ->
                    PenaltyLines.accrue(jdbc, bill,
                            perMonth.computeIfAbsent(bill.period(), p -> contributions.ratesFor(p).latePenaltyPerMonth()),
                            LatePenaltyRule.monthsLate(bill.dueDate(), asOf))).sum());
            after = page.get(page.size() - 1).id();
        }
    }
}
