package id.jamsos.payment.internal;

import id.jamsos.common.Rupiah;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An officer's cash drawer for a day. Cash is recorded and the drawer closed under the drawer row's lock, so no cash
 * payment slips in between the count and the close, and a closed drawer takes no more cash that day.
 */
@Component
public class CashDrawers {

    /** The drawer of a day: cash recorded so far, and when closed what was counted. */
    public record Drawer(UUID officerId, LocalDate day, Rupiah recorded, Instant closedAt, Rupiah closedRecorded,
                         Rupiah counted, String note) {

        public boolean closed() {
            return closedAt != null;
        }

        public Rupiah difference() {
            return closed() ? counted.minus(closedRecorded) : Rupiah.ZERO;
        }
    }

    private final JdbcClient jdbc;

    CashDrawers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens the day's drawer if needed and locks it; answers whether it is still open. */
    boolean lockOpen(UUID officer, LocalDate day, Instant at) {
        jdbc.sql("""
                        INSERT INTO payment.cash_drawer (officer_id, day, opened_at) VALUES (:o, :d, :at)
                        ON CONFLICT (officer_id, day) DO NOTHING""")
                .param("o", officer).param("d", day).param("at", Timestamp.from(at)).update();
        return jdbc.sql("SELECT closed_at IS NULL FROM payment.cash_drawer WHERE officer_id = :o AND day = :d FOR UPDATE")
                .param("o", officer).param("d", day).query(Boolean.class).single();
    }

    /** Cash the officer took in (less cash reversals they handed back) on the day. */
    Rupiah recorded(UUID officer, LocalDate day) {
        return Rupiah.of(jdbc.sql("""
                        SELECT coalesce(sum(amount), 0) FROM payment.payment
                         WHERE recorded_by = :o AND paid_on = :d
                           AND (channel = 'CASH' OR (channel = 'REVERSAL' AND source = 'CASH'))""")
                .param("o", officer).param("d", day).query(Long.class).single());
    }

    void close(UUID officer, LocalDate day, Rupiah recorded, Rupiah counted, String note, Instant at) {
        jdbc.sql("""
                        UPDATE payment.cash_drawer SET closed_at = :at, recorded = :recorded, counted = :counted, note = :note
                         WHERE officer_id = :o AND day = :d AND closed_at IS NULL""")
                .param("at", Timestamp.from(at)).param("recorded", recorded.value()).param("counted", counted.value())
                .param("note", note).param("o", officer).param("d", day).update();
    }

    public Drawer of(UUID officer, LocalDate day) {
        Rupiah recorded = recorded(officer, day);
        Optional<Drawer> stored = jdbc.sql("""
                        SELECT closed_at, recorded, counted, note FROM payment.cash_drawer
                         WHERE officer_id = :o AND day = :d""")
                .param("o", officer).param("d", day)
                .query((rs, row) -> {
                    Timestamp closed = rs.getTimestamp("closed_at");
                    return new Drawer(officer, day, recorded, closed == null ? null : closed.toInstant(),
                            closed == null ? null : Rupiah.of(rs.getLong("recorded")),
                            closed == null ? null : Rupiah.of(rs.getLong("counted")), rs.getString("note"));
                }).optional();
        return stored.orElse(new Drawer(officer, day, recorded, null, null, null, null));
    }
}
