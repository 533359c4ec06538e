package id.jamsos.ledger.internal;

import id.jamsos.common.Rupiah;
import id.jamsos.ledger.internal.JournalEntry.Component;
import id.jamsos.ledger.internal.JournalEntry.Line;
import id.jamsos.ledger.internal.JournalEntry.Reason;
import id.jamsos.ledger.internal.JournalEntry.Side;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts journal entries: the entry once under its idempotency key, its lines, and the cached balances of the
 * accounts it touches, all in the caller's transaction. Balances are updated in account order, so two postings
 * touching the same fund accounts never deadlock.
 */
@org.springframework.stereotype.Component
public class Journal {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Journal(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Answers the new entry's id, or empty when an entry with the same key was posted before (nothing changes). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> post(JournalEntry entry) {
        List<Long> ids = postAll(List.of(entry));
        return ids.get(0) == null ? Optional.empty() : Optional.of(ids.get(0));
    }

    /** Posts several entries; the answer holds each entry's id, or null for one posted before. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> postAll(List<JournalEntry> entries) {
        List<Long> ids = new ArrayList<>(entries.size());
        List<Object[]> lines = new ArrayList<>();
        Map<Long, long[]> movements = new TreeMap<>();
        for (JournalEntry entry : entries) {
            Long id = insert(entry);
            ids.add(id);
            if (id == null) {
                continue;
            }
            int number = 1;
            for (Line line : entry.lines()) {
                lines.add(new Object[] {id, number++, line.accountId(), line.side().name(), line.amount().value(),
                        line.component() == null ? null : line.component().name()});
                long[] movement = movements.computeIfAbsent(line.accountId(), a -> new long[2]);
                movement[line.side() == Side.D ? 0 : 1] += line.amount().value();
            }
        }
        template.batchUpdate("INSERT INTO ledger.line (entry_id, line_no, account_id, side, amount, component)"
                + " VALUES (?, ?, ?, ?, ?, ?)", lines, 1000, (ps, row) -> {
            ps.setLong(1, (Long) row[0]);
            ps.setInt(2, (Integer) row[1]);
            ps.setLong(3, (Long) row[2]);
            ps.setString(4, (String) row[3]);
            ps.setLong(5, (Long) row[4]);
            ps.setObject(6, row[5], Types.VARCHAR);
        });
        List<Object[]> balances = movements.entrySet().stream()
                .map(e -> new Object[] {e.getValue()[0], e.getValue()[1], e.getKey()}).toList();
        template.batchUpdate("UPDATE ledger.balance SET debits = debits + ?, credits = credits + ?, updated_at = now()"
                + " WHERE account_id = ?", balances);
        return ids;
    }

    private Long insert(JournalEntry entry) {
        return jdbc.sql("""
                        INSERT INTO ledger.entry (reason, effective_on, idempotency_key, reverses, yield_year, bill_id)
                        VALUES (:reason, :on, :key, :reverses, :year, :bill)
                        ON CONFLICT DO NOTHING RETURNING id""")
                .param("reason", entry.reason().name()).param("on", entry.effectiveOn())
                .param("key", entry.idempotencyKey()).param("reverses", entry.reverses(), Types.BIGINT)
                .param("year", entry.yieldYear(), Types.SMALLINT).param("bill", entry.billId(), Types.BIGINT)
                .query(Long.class).optional().orElse(null);
    }

    /** The posted entry as it was built. */
    public Optional<JournalEntry> entry(long id) {
        List<Line> lines = jdbc.sql("SELECT account_id, side, amount, component FROM ledger.line"
                        + " WHERE entry_id = :id ORDER BY line_no")
                .param("id", id)
                .query((rs, row) -> new Line(rs.getLong("account_id"), Side.valueOf(rs.getString("side")),
                        Rupiah.of(rs.getLong("amount")),
                        rs.getString("component") == null ? null : Component.valueOf(rs.getString("component"))))
                .list();
        return jdbc.sql("SELECT reason, effective_on, idempotency_key, reverses, yield_year, bill_id"
                        + " FROM ledger.entry WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> new JournalEntry(Reason.valueOf(rs.getString("reason")),
                        rs.getObject("effective_on", LocalDate.class), rs.getString("idempotency_key"),
                        (Long) rs.getObject("reverses"), (Integer) rs.getObject("yield_year", Integer.class),
                        (Long) rs.getObject("bill_id"), lines))
                .optional();
    }

    /** Posts the reversal of an entry (once: the reversal's key is derived from the original's id). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> reverse(long id, LocalDate on) {
        return post(entry(id).orElseThrow(() -> new IllegalArgumentException("no entry " + id)).reversal(id, on));
    }
}
