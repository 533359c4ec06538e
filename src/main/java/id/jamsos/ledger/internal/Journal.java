package id.jamsos.ledger.internal;

import id.jamsos.common.Rupiah;
import id.jamsos.ledger.internal.JournalEntry.Component;
import id.jamsos.ledger.internal.JournalEntry.Line;
import id.jamsos.ledger.internal.JournalEntry.Reason;
import id.jamsos.ledger.internal.JournalEntry.Side;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts journal entries: the entry once under its idempotency key, its lines, and the cached balances of the
 * accounts it touches, all in the caller's transaction. Balances are updated in account order, so two postings
 * touching the same fund accounts never deadlock. A pooled account's balance is spread over shard rows (V126), so
 * concurrent postings to the same fund rarely wait for each other.
 */
@org.springframework.stereotype.Component
public class Journal {

    /** Shard rows per pooled account (V126). */
    static final int SHARDS = 16;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final LedgerAccounts accounts;

    Journal(JdbcClient jdbc, JdbcTemplate template, LedgerAccounts accounts) {
        this.jdbc = jdbc;
        this.template = template;
        this.accounts = accounts;
    }

    /** Answers the new entry's id, or empty when an entry with the same key was posted before (nothing changes). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> post(JournalEntry entry) {
        List<Long> ids = postAll(List.of(entry));
        return ids.get(0) == null ? Optional.empty() : Optional.of(ids.get(0));
    }

    /**
     * Posts several entries with one statement for the entries and one for their lines (arrays unnested by
     * PostgreSQL), then the balances in account order; the answer holds each entry's id, or null for one posted
     * before.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> postAll(List<JournalEntry> entries) {
        Map<String, Long> inserted = insert(entries);
        List<Long> ids = new ArrayList<>(entries.size());
        List<Long> entryIds = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        List<Long> accountIds = new ArrayList<>();
        List<String> sides = new ArrayList<>();
        List<Long> amounts = new ArrayList<>();
        List<String> components = new ArrayList<>();
        Map<Long, long[]> movements = new TreeMap<>();
        for (JournalEntry entry : entries) {
            Long id = inserted.remove(entry.idempotencyKey());
            ids.add(id);
            if (id == null) {
                continue;
            }
            int number = 1;
            for (Line line : entry.lines()) {
                entryIds.add(id);
                numbers.add(number++);
                accountIds.add(line.accountId());
                sides.add(line.side().name());
                amounts.add(line.amount().value());
                components.add(line.component() == null ? null : line.component().name());
                long[] movement = movements.computeIfAbsent(line.accountId(), a -> new long[2]);
                movement[line.side() == Side.D ? 0 : 1] += line.amount().value();
            }
        }
        if (entryIds.isEmpty()) {
            return ids;
        }
        jdbc.sql("""
                        INSERT INTO ledger.line (entry_id, line_no, account_id, side, amount, component)
                        SELECT * FROM unnest(CAST(:entries AS bigint[]), CAST(:numbers AS integer[]),
                                             CAST(:accounts AS bigint[]), CAST(:sides AS char(1)[]),
                                             CAST(:amounts AS bigint[]), CAST(:components AS text[]))""")
                .param("entries", entryIds.toArray(Long[]::new)).param("numbers", numbers.toArray(Integer[]::new))
                .param("accounts", accountIds.toArray(Long[]::new)).param("sides", sides.toArray(String[]::new))
                .param("amounts", amounts.toArray(Long[]::new)).param("components", components.toArray(String[]::new))
                .update();
        List<Object[]> members = new ArrayList<>();
        List<Long> pooled = new ArrayList<>();
        List<Long> pooledDebits = new ArrayList<>();
        List<Long> pooledCredits = new ArrayList<>();
        for (Map.Entry<Long, long[]> movement : movements.entrySet()) {
            if (accounts.pooled(movement.getKey())) {
                pooled.add(movement.getKey());
                pooledDebits.add(movement.getValue()[0]);
                pooledCredits.add(movement.getValue()[1]);
            } else {
                members.add(new Object[] {movement.getValue()[0], movement.getValue()[1], movement.getKey()});
            }
        }
        // Member rows first, then the pooled shards, each in account order: every posting takes its row locks in
        // the same order, so two postings never deadlock.
        if (!members.isEmpty()) {
            template.batchUpdate("UPDATE ledger.balance SET debits = debits + ?, credits = credits + ?,"
                    + " updated_at = now() WHERE account_id = ?", members);
        }
        if (!pooled.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO ledger.balance_shard (account_id, shard, debits, credits)
                            SELECT a, :shard, d, c FROM unnest(CAST(:accounts AS bigint[]), CAST(:debits AS bigint[]),
                                                               CAST(:credits AS bigint[])) AS t(a, d, c) ORDER BY a
                            ON CONFLICT (account_id, shard) DO UPDATE
                            SET debits = ledger.balance_shard.debits + excluded.debits,
                                credits = ledger.balance_shard.credits + excluded.credits""")
                    .param("shard", ThreadLocalRandom.current().nextInt(SHARDS))
                    .param("accounts", pooled.toArray(Long[]::new))
                    .param("debits", pooledDebits.toArray(Long[]::new))
                    .param("credits", pooledCredits.toArray(Long[]::new)).update();
        }
        return ids;
    }

    /** The new entries' ids by idempotency key (keys posted before are absent). */
    private Map<String, Long> insert(List<JournalEntry> entries) {
        Map<String, Long> ids = new java.util.HashMap<>();
        if (entries.isEmpty()) {
            return ids;
        }
        jdbc.sql("""
                        INSERT INTO ledger.entry (reason, effective_on, idempotency_key, reverses, yield_year, bill_id)
                        SELECT * FROM unnest(CAST(:reasons AS text[]), CAST(CAST(:dates AS text[]) AS date[]),
                                             CAST(:keys AS text[]), CAST(:reverses AS bigint[]),
                                             CAST(:years AS smallint[]), CAST(:bills AS bigint[]))
                        ON CONFLICT DO NOTHING RETURNING id, idempotency_key""")
                .param("reasons", entries.stream().map(e -> e.reason().name()).toArray(String[]::new))
                .param("dates", entries.stream().map(e -> e.effectiveOn().toString()).toArray(String[]::new))
                .param("keys", entries.stream().map(JournalEntry::idempotencyKey).toArray(String[]::new))
                .param("reverses", entries.stream().map(JournalEntry::reverses).toArray(Long[]::new))
                .param("years", entries.stream().map(JournalEntry::yieldYear).toArray(Integer[]::new))
                .param("bills", entries.stream().map(JournalEntry::billId).toArray(Long[]::new))
                .query((rs, row) -> ids.put(rs.getString("idempotency_key"), rs.getLong("id"))).list();
        return ids;
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
