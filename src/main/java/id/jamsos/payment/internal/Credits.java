package id.jamsos.payment.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Credit (money paid ahead or paid in excess) is used by the next bill: every day after the monthly billing the
 * payers whose money exceeds their allocations get it allocated to their open bills, each payer in its own
 * transaction under the payer's lock, in pages by customer number.
 */
@Component
public class Credits {

    private static final int PAGE = 500;

    private final JdbcClient jdbc;
    private final Payers payers;
    private final JdbcPaymentDesk desk;

    Credits(JdbcClient jdbc, Payers payers, JdbcPaymentDesk desk) {
        this.jdbc = jdbc;
        this.payers = payers;
        this.desk = desk;
    }

    /** Applies every payer's credit to their open bills as of {@code on}; answers how many bills were settled. */
    public int applyAll(LocalDate on) {
        int settled = 0;
        String after = "";
        while (true) {
            List<String> page = withCredit(after);
            for (String customerNumber : page) {
                settled += payers.byCustomerNumber(customerNumber).map(p -> desk.applyCredit(p, on).size()).orElse(0);
            }
            if (page.size() < PAGE) {
                return settled;
            }
            after = page.get(page.size() - 1);
        }
    }

    private List<String> withCredit(String after) {
        return jdbc.sql("""
                        WITH received AS (
                            SELECT coalesce(p.customer_number, a.customer_number) AS c, sum(p.amount) AS amount
                              FROM payment.payment p LEFT JOIN payment.assignment a ON a.payment_id = p.id
                             GROUP BY 1),
                        allocated AS (SELECT customer_number AS c, sum(amount) AS amount FROM payment.allocation GROUP BY 1)
                        SELECT r.c FROM received r LEFT JOIN allocated l ON l.c = r.c
                         WHERE r.c IS NOT NULL AND r.c > :after AND r.amount - coalesce(l.amount, 0) > 0
                         ORDER BY r.c LIMIT :page""")
                .param("after", after).param("page", PAGE).query(String.class).list();
    }
}
