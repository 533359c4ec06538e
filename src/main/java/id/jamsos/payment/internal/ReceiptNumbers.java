package id.jamsos.payment.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cash receipt numbers {@code KW-<year>-<six digits>}, one sequence per year. The UPSERT's row lock hands each number
 * out once and a payment that rolls back gives its number back, so the numbers of a year have no gaps (unlike a
 * PostgreSQL sequence); the price is that cash payments of one year are numbered one at a time, which a branch's
 * pace allows.
 */
@Component
class ReceiptNumbers {

    private final JdbcClient jdbc;

    ReceiptNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String next(int year) {
        long number = jdbc.sql("""
                        INSERT INTO payment.receipt_sequence (year, last) VALUES (:y, 1)
                        ON CONFLICT (year) DO UPDATE SET last = payment.receipt_sequence.last + 1 RETURNING last""")
                .param("y", year).query(Long.class).single();
        return "KW-%d-%06d".formatted(year, number);
    }
}
