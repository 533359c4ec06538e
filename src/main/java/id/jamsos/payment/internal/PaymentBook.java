package id.jamsos.payment.internal;

import id.jamsos.common.Rupiah;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The payment tables: payments, allocations, orders and what they add up to per payer. */
@Component
public class PaymentBook {

    /** A stored payment; {@code customerNumber} is the payer it belongs to (after assignment for a transfer). */
    public record StoredPayment(long id, String channel, String source, String reference, String customerNumber,
                                Rupiah amount, Instant receivedAt, LocalDate paidOn, UUID recordedBy,
                                String receiptNumber, Long reverses, String reason) {
    }

    /** Money of a payment not allocated yet. */
    record Free(long paymentId, Rupiah amount) {
    }

    /** What a payment asks to be written. */
    record NewPayment(String channel, String source, String reference, String customerNumber, Rupiah amount,
                      Instant receivedAt, LocalDate paidOn, UUID recordedBy, String receiptNumber, Long reverses,
                      String reason) {
    }

    /** The payments that belong to a payer: their own and the transfers assigned to them from suspense. */
    private static final String MINE = """
            WITH mine AS (SELECT p.* FROM payment.payment p WHERE p.customer_number = :c
                          UNION ALL
                          SELECT p.* FROM payment.assignment a JOIN payment.payment p ON p.id = a.payment_id
                           WHERE a.customer_number = :c)
            """;

    static final String COLUMNS = """
            p.id, p.channel, p.source, p.reference, coalesce(p.customer_number, a.customer_number) AS customer_number,
            p.amount, p.received_at, p.paid_on, p.recorded_by, p.receipt_number, p.reverses, p.reason""";

    private final JdbcClient jdbc;

    PaymentBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In allocation rows written with a payment ({@link #insertNew(NewPayment, List, Instant)}): that payment. */
    static final long NEW_PAYMENT = Long.MAX_VALUE;

    /** An allocation to write: money of a payment towards one part of a bill; the row completing a bill is settled. */
    record AllocationRow(long paymentId, long billId, String part, Rupiah amount, boolean settled) {

        AllocationRow drawingOn(long payment) {
            return new AllocationRow(payment, billId, part, amount, settled);
        }
    }

    long insert(NewPayment p) {
        return write(p, "", List.of(), null).orElseThrow();
    }

    /**
     * Writes the payment unless its reference (channel, source, reference: unique) is recorded already; empty then.
     * A transaction writing the same reference that has not ended yet is waited for: if it commits, this one finds
     * its row; if it rolls back, this one writes.
     */
    Optional<Long> insertNew(NewPayment p) {
        return insertNew(p, List.of(), null);
    }

    /**
     * As {@link #insertNew(NewPayment)}, and the payer's allocations {@code rows} with it, in one statement (rows
     * drawing on {@link #NEW_PAYMENT} draw on this payment); nothing of either when the reference was recorded.
     */
    Optional<Long> insertNew(NewPayment p, List<AllocationRow> rows, Instant at) {
        return write(p, " ON CONFLICT (channel, source, reference) DO NOTHING", rows, at);
    }

    /** What {@link #insertFirst} wrote: whether the payer's row, and the payment (none when it wrote no row). */
    record FirstPayment(boolean payerWritten, Optional<Long> paymentId) {
    }

    /**
     * A payer's first payment: the payer's row (as {@link Payers#lockNew} writes it, locked until the transaction
     * ends), the payment and its allocations {@code rows}, in one statement; the payment only when the statement wrote
     * the row, and unless its reference is recorded already. When another transaction has written the row and not
     * ended yet, the statement waits for it: if it commits, nothing is written here; if it rolls back, all is.
     */
    FirstPayment insertFirst(KnownPayer payer, Instant createdAt, NewPayment p, List<AllocationRow> rows,
                             Instant at) {
        String sql = "WITH payer AS (" + Payers.NEW_ROW + "), p AS (" + PAYMENT_COLUMNS + """
                    SELECT :channel, :source, :reference, payer.customer_number, :amount, :at, :on,
                           CAST(:by AS uuid), :receipt, CAST(:reverses AS bigint), :reason
                      FROM payer
                    ON CONFLICT (channel, source, reference) DO NOTHING RETURNING id)
                """ + (rows.isEmpty() ? "" : ", a AS (" + ALLOCATIONS.formatted("p.id", "p,") + ")") + """
                SELECT EXISTS (SELECT 1 FROM payer) AS payer_written, (SELECT id FROM p) AS id""";
        JdbcClient.StatementSpec statement = paymentParams(Payers.newRowParams(jdbc.sql(sql), payer, createdAt), p);
        if (!rows.isEmpty()) {
            statement = allocationParams(statement, rows, at);
        }
        return statement.query((rs, n) -> new FirstPayment(rs.getBoolean("payer_written"),
                Optional.ofNullable(rs.getObject("id", Long.class)))).single();
    }

    private static final String PAYMENT_COLUMNS = """
            INSERT INTO payment.payment (channel, source, reference, customer_number, amount, received_at, paid_on,
                                         recorded_by, receipt_number, reverses, reason)
            """;

    /** The values of a payment for {@link #PAYMENT_COLUMNS}, by name (null ones typed, whatever the statement). */
    private static JdbcClient.StatementSpec paymentParams(JdbcClient.StatementSpec statement, NewPayment p) {
        return statement.param("channel", p.channel()).param("source", p.source()).param("reference", p.reference())
                .param("c", p.customerNumber()).param("amount", p.amount().value())
                .param("at", Timestamp.from(p.receivedAt())).param("on", p.paidOn())
                .param("by", p.recordedBy(), java.sql.Types.OTHER).param("receipt", p.receiptNumber())
                .param("reverses", p.reverses(), java.sql.Types.BIGINT).param("reason", p.reason());
    }

    private Optional<Long> write(NewPayment p, String onConflict, List<AllocationRow> rows, Instant at) {
        String payment = PAYMENT_COLUMNS
                + "VALUES (:channel, :source, :reference, :c, :amount, :at, :on, :by, :receipt, :reverses, :reason)"
                + onConflict + " RETURNING id";
        // The allocations' foreign key to the payment is checked at the end of the statement, when the payment is in.
        String sql = rows.isEmpty() ? payment : "WITH p AS (" + payment + "), a AS ("
                + ALLOCATIONS.formatted("p.id", "p,") + ") SELECT id FROM p";
        JdbcClient.StatementSpec statement = paymentParams(jdbc.sql(sql), p);
        if (!rows.isEmpty()) {
            statement = allocationParams(statement, rows, at);
        }
        return statement.query(Long.class).optional();
    }

    /**
     * Writes allocation rows of the payer with customer number {@code :c}, one statement for them all: formatted with
     * what stands for {@link #NEW_PAYMENT} and what the rows are joined to (the payment written with them).
     */
    private static final String ALLOCATIONS = """
            INSERT INTO payment.allocation (payment_id, customer_number, bill_id, part, amount, allocated_at, settled)
            SELECT CASE WHEN r.payment_id = :newPayment THEN %1$s ELSE r.payment_id END, :c, r.bill_id, r.part,
                   r.amount, :allocatedAt, r.settled
              FROM %2$s unnest(CAST(:payments AS bigint[]), CAST(:bills AS bigint[]), CAST(:parts AS text[]),
                                CAST(:amounts AS bigint[]), CAST(:settles AS boolean[]))
                       AS r(payment_id, bill_id, part, amount, settled)""";

    private static JdbcClient.StatementSpec allocationParams(JdbcClient.StatementSpec statement,
                                                             List<AllocationRow> rows, Instant at) {
        return statement.param("newPayment", NEW_PAYMENT)
                .param("payments", rows.stream().map(AllocationRow::paymentId).toArray(Long[]::new))
                .param("bills", rows.stream().map(AllocationRow::billId).toArray(Long[]::new))
                .param("parts", rows.stream().map(AllocationRow::part).toArray(String[]::new))
                .param("amounts", rows.stream().map(r -> r.amount().value()).toArray(Long[]::new))
                .param("settles", rows.stream().map(AllocationRow::settled).toArray(Boolean[]::new))
                .param("allocatedAt", Timestamp.from(at));
    }

    /**
     * Serialises the transactions handing in one reference (until commit), so two deliveries of it for different
     * payers — or for none, into suspense — meet the first one's row instead of the unique constraint.
     */
    void lockReference(String channel, String source, String reference) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", channel + "|" + source + "|" + reference).query((rs, n) -> 1).list();
    }

    public Optional<StoredPayment> byReference(String channel, String source, String reference) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM payment.payment p LEFT JOIN payment.assignment a ON a.payment_id = p.id
                        WHERE p.channel = :channel AND p.source = :source AND p.reference = :reference""")
                .param("channel", channel).param("source", source).param("reference", reference)
                .query(PaymentBook::payment).optional();
    }

    public Optional<StoredPayment> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM payment.payment p LEFT JOIN payment.assignment a ON a.payment_id = p.id WHERE p.id = :id")
                .param("id", id).query(PaymentBook::payment).optional();
    }

    /** The payer's payments, newest first, at most {@code limit}. */
    public List<StoredPayment> ofPayer(String customerNumber, int limit) {
        return jdbc.sql(MINE + "SELECT " + COLUMNS.replace("coalesce(p.customer_number, a.customer_number) AS customer_number", "CAST(:c AS text) AS customer_number")
                        + " FROM mine p ORDER BY p.id DESC LIMIT :limit")
                .param("c", customerNumber).param("limit", limit).query(PaymentBook::payment).list();
    }

    public Optional<Long> reversalOf(long paymentId) {
        return jdbc.sql("SELECT id FROM payment.payment WHERE reverses = :id").param("id", paymentId)
                .query(Long.class).optional();
    }

    /** The most free payments an allocation draws on, oldest first. */
    static final int MOST_FREE = 1000;

    /**
     * Where a payer's money stands: per bill not yet settled through the payer what their allocations paid towards it
     * ([penalty, contribution]; the caller looks up its open bills), the open order, the balance (received less
     * allocated: credit when positive, owed back after a reversal when negative) and the free money (not allocated
     * yet) of its payments, oldest first, at most {@link #MOST_FREE}.
     */
    record Standing(Map<Long, Rupiah[]> paidTowards, Optional<Order> order, Rupiah balance, List<Free> free) {

        /** A payer with no money in the book: nothing paid, no order, nothing free. */
        static final Standing NONE = new Standing(Map.of(), Optional.empty(), Rupiah.ZERO, List.of());

        /** The free money with a payment just recorded: the payer's newest, so last (within the limit). */
        List<Free> freeWith(Free newest) {
            List<Free> all = new ArrayList<>(free);
            if (all.size() < MOST_FREE) {
                all.add(newest);
            }
            return List.copyOf(all);
        }
    }

    /** A payment recorded before under a reference: its id and amount. */
    record Earlier(long id, Rupiah amount) {
    }

    /**
     * A payer with a payer row, and their money: the payment recorded before under the reference asked about (then
     * the standing is not read and is {@link Standing#NONE}), or where their money stands.
     */
    record PayerMoney(KnownPayer payer, Optional<Earlier> earlier, Standing standing) {
    }

    /** A payer's row and money, read without a lock (for pages and inquiries); empty when the payer has no row. */
    Optional<PayerMoney> money(String customerNumber) {
        return money(customerNumber, null, null, null, false);
    }

    /**
     * A payer's row locked until the caller's transaction ends (every money move of the payer takes it first), with
     * the payment recorded under ({@code channel}, {@code source}, {@code reference}) if there is one, else the
     * payer's money: one round trip, the function {@code payment.payer_money} (V141), planned once per session.
     * Empty when the payer has no row yet.
     */
    Optional<PayerMoney> lockedMoney(String customerNumber, String channel, String source, String reference) {
        return money(customerNumber, channel, source, reference, true);
    }

    private Optional<PayerMoney> money(String customerNumber, String channel, String source, String reference,
                                       boolean lock) {
        if (!Payers.fitsPayerRow(customerNumber)) {
            return Optional.empty();
        }
        Map<Long, Rupiah[]> paid = new HashMap<>();
        List<Order> orders = new ArrayList<>();
        List<Free> free = new ArrayList<>();
        long[] balance = {0};
        List<KnownPayer> payer = new ArrayList<>();
        List<Earlier> earlier = new ArrayList<>();
        jdbc.sql("""
                        SELECT kind, id, part, amount, member_id, name
                          FROM payment.payer_money(:c, :channel, :source, :reference, :lock, :most)""")
                .param("c", customerNumber).param("channel", channel).param("source", source)
                .param("reference", reference).param("lock", lock).param("most", MOST_FREE)
                .query((ResultSet rs) -> {
                    switch (rs.getString("kind")) {
                        case "PAYER" -> payer.add(new KnownPayer(customerNumber, Payers.payerOf(rs, "id"),
                                rs.getString("name")));
                        case "EARLIER" -> earlier.add(new Earlier(rs.getLong("id"), Rupiah.of(rs.getLong("amount"))));
                        case "PAID" -> {
                            Rupiah[] both = paid.computeIfAbsent(rs.getLong("id"),
                                    id -> new Rupiah[] {Rupiah.ZERO, Rupiah.ZERO});
                            both["PENALTY".equals(rs.getString("part")) ? 0 : 1] = Rupiah.of(rs.getLong("amount"));
                        }
                        case "ORDER" -> orders.add(new Order(rs.getLong("id"), rs.getInt("amount")));
                        case "BALANCE" -> balance[0] = rs.getLong("amount");
                        default -> free.add(new Free(rs.getLong("id"), Rupiah.of(rs.getLong("amount"))));
                    }
                });
        if (payer.isEmpty()) {
            return Optional.empty();
        }
        if (!earlier.isEmpty()) {
            return Optional.of(new PayerMoney(payer.get(0), Optional.of(earlier.get(0)), Standing.NONE));
        }
        if (orders.size() > 1) {
            throw new IllegalStateException("payer " + customerNumber + " has " + orders.size() + " open orders");
        }
        free.sort(Comparator.comparingLong(Free::paymentId)); // the branches of a UNION ALL keep no order
        return Optional.of(new PayerMoney(payer.get(0), Optional.empty(),
                new Standing(paid, orders.stream().findFirst(), Rupiah.of(balance[0]), List.copyOf(free))));
    }

    /**
     * What a money move changes in the payer's running money (V141), which every move keeps true under the payer's
     * lock: the change of the balance, the free money of the payments it touched as it is after the move (zero: none
     * left), the allocations whose amounts add to what was paid towards a bill not settled, and the bills the move
     * settled (what was paid towards them is no longer kept).
     */
    record Moves(Rupiah balance, Map<Long, Rupiah> freeAfter, List<AllocationRow> towards, Set<Long> settledBills) {

        /**
         * The moves of allocation {@code rows} (each payment they draw on named by its id) written against the
         * payer's money {@code before}, with the payment {@code received} by the same move if there is one.
         */
        static Moves of(Standing before, Optional<Free> received, List<AllocationRow> rows) {
            Map<Long, Rupiah> free = new HashMap<>();
            before.free().forEach(f -> free.put(f.paymentId(), f.amount()));
            Map<Long, Rupiah> after = new HashMap<>();
            received.ifPresent(r -> after.put(r.paymentId(), r.amount()));
            Rupiah balance = received.map(Free::amount).orElse(Rupiah.ZERO);
            Set<Long> settled = new HashSet<>();
            for (AllocationRow row : rows) {
                balance = balance.minus(row.amount());
                after.put(row.paymentId(), after.getOrDefault(row.paymentId(), free.get(row.paymentId()))
                        .minus(row.amount()));
                if (row.settled()) {
                    settled.add(row.billId());
                }
            }
            // A payment without free money before the move and none after it has no row to change.
            after.entrySet().removeIf(e -> e.getValue().isZero() && received.map(r -> r.paymentId() == e.getKey())
                    .orElse(false));
            List<AllocationRow> towards = rows.stream().filter(r -> !settled.contains(r.billId())).toList();
            settled.retainAll(before.paidTowards().keySet());
            return new Moves(balance, Map.copyOf(after), towards, Set.copyOf(settled));
        }

        /** A suspense transfer assigned to the payer: all of it is the payer's free money (nothing is allocated from suspense). */
        static Moves assignment(long paymentId, Rupiah amount) {
            return new Moves(amount, Map.of(paymentId, amount), List.of(), Set.of());
        }

        /**
         * A payment reversed: received less allocated changes by the reversal's negative amount less what it took
         * back ({@code takenBack}, negative rows); the payment has no free money any more, and what it paid towards
         * bills still open is taken back from them.
         */
        static Moves reversal(long paymentId, Rupiah amount, List<AllocationRow> takenBack) {
            Rupiah back = takenBack.stream().map(AllocationRow::amount).reduce(Rupiah.ZERO, Rupiah::plus);
            return new Moves(Rupiah.ZERO.minus(amount).minus(back), Map.of(paymentId, Rupiah.ZERO), takenBack,
                    Set.of());
        }

        boolean none() {
            return balance.isZero() && freeAfter.isEmpty() && towards.isEmpty() && settledBills.isEmpty();
        }
    }

    /** Keeps the payer's running money true after a move (one statement; none when the move changes nothing). */
    void keep(String customerNumber, Moves moves) {
        if (moves.none()) {
            return;
        }
        List<Map.Entry<Long, Rupiah>> free = List.copyOf(moves.freeAfter().entrySet());
        jdbc.sql("""
                        WITH balance AS (UPDATE payment.payer SET balance = balance + :balance
                                          WHERE customer_number = :c AND CAST(:balance AS bigint) <> 0 RETURNING 1),
                             spent AS (DELETE FROM payment.free_money f
                                        WHERE f.payment_id = ANY(CAST(:spent AS bigint[])) RETURNING 1),
                             free AS (INSERT INTO payment.free_money (payment_id, customer_number, amount)
                                      SELECT r.id, :c, r.amount
                                        FROM unnest(CAST(:freeIds AS bigint[]), CAST(:freeAmounts AS bigint[]))
                                                 AS r(id, amount)
                                      ON CONFLICT (payment_id) DO UPDATE SET amount = excluded.amount RETURNING 1),
                             settled AS (DELETE FROM payment.paid_towards t
                                          WHERE t.customer_number = :c
                                            AND t.bill_id = ANY(CAST(:settledBills AS bigint[])) RETURNING 1),
                             moved AS (SELECT r.bill, r.part, sum(r.amount) AS amount
                                         FROM unnest(CAST(:bills AS bigint[]), CAST(:parts AS text[]),
                                                     CAST(:amounts AS bigint[])) AS r(bill, part, amount)
                                        GROUP BY r.bill, r.part),
                             towards AS (INSERT INTO payment.paid_towards (customer_number, bill_id, part, amount)
                                         SELECT :c, m.bill, m.part, m.amount FROM moved m WHERE m.amount > 0
                                         ON CONFLICT (customer_number, bill_id, part)
                                            DO UPDATE SET amount = payment.paid_towards.amount + excluded.amount
                                         RETURNING 1),
                             -- taken back (a reversal): an update, as the check on the amount would refuse the
                             -- negative row an insert proposes before it finds the row it conflicts with
                             back AS (UPDATE payment.paid_towards t SET amount = t.amount + m.amount
                                        FROM moved m
                                       WHERE m.amount < 0 AND t.customer_number = :c AND t.bill_id = m.bill
                                         AND t.part = m.part RETURNING 1)
                        SELECT 1""")
                .param("c", customerNumber).param("balance", moves.balance().value())
                .param("spent", free.stream().filter(e -> e.getValue().isZero()).map(Map.Entry::getKey)
                        .toArray(Long[]::new))
                .param("freeIds", free.stream().filter(e -> !e.getValue().isZero()).map(Map.Entry::getKey)
                        .toArray(Long[]::new))
                .param("freeAmounts", free.stream().filter(e -> !e.getValue().isZero()).map(e -> e.getValue().value())
                        .toArray(Long[]::new))
                .param("settledBills", moves.settledBills().toArray(Long[]::new))
                .param("bills", moves.towards().stream().map(AllocationRow::billId).toArray(Long[]::new))
                .param("parts", moves.towards().stream().map(AllocationRow::part).toArray(String[]::new))
                .param("amounts", moves.towards().stream().map(r -> r.amount().value()).toArray(Long[]::new))
                .query().singleValue();
    }

    /** Writes a payer's allocation rows (none drawing on {@link #NEW_PAYMENT}), in one statement. */
    void allocate(String customerNumber, List<AllocationRow> rows, Instant at) {
        if (rows.isEmpty()) {
            return;
        }
        allocationParams(jdbc.sql(ALLOCATIONS.formatted("NULL", "")), rows, at)
                .param("c", customerNumber).update();
    }

    /** What a payment allocated, per bill and part, and whether that bill has been settled through the payer. */
    record Allocated(long billId, String part, Rupiah amount, boolean billSettled) {
    }

    List<Allocated> allocationsOf(long paymentId) {
        return jdbc.sql("""
                        SELECT l.bill_id, l.part, sum(l.amount) AS amount,
                               bool_or(EXISTS (SELECT 1 FROM payment.allocation s
                                                WHERE s.customer_number = l.customer_number AND s.bill_id = l.bill_id
                                                  AND s.settled)) AS bill_settled
                          FROM payment.allocation l WHERE l.payment_id = :p
                         GROUP BY l.bill_id, l.part ORDER BY l.bill_id, l.part DESC""")
                .param("p", paymentId)
                .query((rs, row) -> new Allocated(rs.getLong("bill_id"), rs.getString("part"),
                        Rupiah.of(rs.getLong("amount")), rs.getBoolean("bill_settled"))).list();
    }

    /** The payer's open order: its id and months ahead. */
    record Order(long id, int monthsAhead) {
    }

    Optional<Order> openOrder(String customerNumber) {
        return jdbc.sql("SELECT id, months_ahead FROM payment.payment_order WHERE customer_number = :c AND status = 'OPEN'")
                .param("c", customerNumber).query((rs, row) -> new Order(rs.getLong("id"), rs.getInt("months_ahead")))
                .optional();
    }

    void closeOrder(long orderId, String status, Long paymentId, Instant at) {
        jdbc.sql("""
                        UPDATE payment.payment_order SET status = :status, payment_id = :payment, closed_at = :at
                         WHERE id = :id AND status = 'OPEN'""")
                .param("status", status).param("payment", paymentId).param("at", Timestamp.from(at))
                .param("id", orderId).update();
    }

    long openOrder(String customerNumber, int monthsAhead, UUID by, Instant at) {
        return jdbc.sql("""
                        INSERT INTO payment.payment_order (customer_number, months_ahead, status, created_by, created_at)
                        VALUES (:c, :months, 'OPEN', :by, :at) RETURNING id""")
                .param("c", customerNumber).param("months", monthsAhead).param("by", by)
                .param("at", Timestamp.from(at)).query(Long.class).single();
    }

    static StoredPayment payment(ResultSet rs, int row) throws SQLException {
        long reverses = rs.getLong("reverses");
        Long reversed = rs.wasNull() ? null : reverses;
        return new StoredPayment(rs.getLong("id"), rs.getString("channel"), rs.getString("source"),
                rs.getString("reference"), rs.getString("customer_number"), Rupiah.of(rs.getLong("amount")),
                rs.getTimestamp("received_at").toInstant(), rs.getObject("paid_on", LocalDate.class),
                rs.getObject("recorded_by", UUID.class), rs.getString("receipt_number"), reversed,
                rs.getString("reason"));
    }
}
