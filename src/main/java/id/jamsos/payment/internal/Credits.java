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
        // The balance each payer's money moves keep (V141): received less allocated.
        return jdbc.sql("""
                        SELECT customer_number FROM payment.payer
                         WHERE balance > 0 AND customer_number > :after ORDER BY customer_number LIMIT :page""")
                .param("after", after).param("page", PAGE).query(String.class).list();
    }
}
