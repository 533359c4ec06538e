package id.jamsos.ledger.internal;

import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.BillAmount;
import id.jamsos.contribution.BillSettled;
import id.jamsos.contribution.Party;
import id.jamsos.contribution.Payer;
import id.jamsos.contribution.Program;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Settled bills waiting for the poster (V134), oldest first. */
@Component
class PostingQueue {

    /** How long a bill that failed to post waits before its next attempt, at most. */
    static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private static final String COLUMNS =
            "bill_id, employer_id, member_id, period, paid_on, penalty, programs, parties, amounts";

    private final JdbcClient jdbc;
    /** The bills delivered while a statement runs: the next group, and whether a listener is writing one. */
    private final ReentrantLock groupLock = new ReentrantLock();
    private final Condition groupWritten = groupLock.newCondition();
    private List<Waiting> next = new ArrayList<>();
    private boolean writing;
    /** The statements that have queued delivered bills (for the tests). */
    private final AtomicLong statements = new AtomicLong();

    PostingQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Queues a bill (a bill queued before stays as it is) delivered by the event registry, outside any transaction,
     * and answers when it is written. Bills delivered side by side are written together: the first listener to come
     * writes its own and every bill that came while the statement before was running, by one statement that commits by
     * itself without waiting for the WAL flush ({@code synchronous_commit = off} for it alone); the others wait for it.
     * At low load that is one bill a statement with no wait; under load, one statement for the bills of a few
     * milliseconds. The registry's completion mark of each comes after its insert in the WAL, so a crash can lose a row
     * only together with its mark, and the registry then delivers the event again; a row that survives a lost mark makes
     * the new delivery do nothing. When a group's statement fails its bills are written one by one, so a bill that
     * cannot be queued fails its own delivery only.
     */
    void addDelivered(BillSettled settled) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // its statement would carry other listeners' bills into the caller's transaction and its fate
            throw new IllegalStateException("a delivered bill is queued outside any transaction");
        }
        Waiting mine = new Waiting(settled);
        List<Waiting> group;
        groupLock.lock();
        try {
            next.add(mine);
            while (writing && !mine.done) {
                groupWritten.awaitUninterruptibly();
            }
            if (mine.done) {
                mine.rethrow();
                return;
            }
            writing = true;
            group = next;
            next = new ArrayList<>();
        } finally {
            groupLock.unlock();
        }
        try {
            write(group);
        } catch (RuntimeException | Error unexpected) {
            group.stream().filter(w -> w.failure == null).forEach(w -> w.failure = new IllegalStateException(
                    "the group's statement failed", unexpected));
            throw unexpected;
        } finally {
            groupLock.lock();
            try {
                group.forEach(w -> w.done = true);
                writing = false;
                groupWritten.signalAll();
            } finally {
                groupLock.unlock();
            }
        }
        mine.rethrow();
    }

    /** A bill delivered, waiting for the statement that writes it; {@code failure} when that failed for it. */
    private static final class Waiting {
        final BillSettled settled;
        boolean done;
        RuntimeException failure;

        Waiting(BillSettled settled) {
            this.settled = settled;
        }

        void rethrow() {
            if (failure != null) {
                throw failure;
            }
        }
    }

    private void write(List<Waiting> group) {
        try {
            insert(group.stream().map(w -> w.settled).toList());
        } catch (RuntimeException groupFailed) {
            if (group.size() == 1) {
                group.get(0).failure = groupFailed;
                return;
            }
            for (Waiting waiting : group) {
                try {
                    insert(List.of(waiting.settled));
                } catch (RuntimeException failed) {
                    waiting.failure = failed;
                }
            }
        }
    }

    /** Queues the bills by one statement (a program's and party's list as an array literal: enum names). */
    private void insert(List<BillSettled> bills) {
        jdbc.sql("""
                        INSERT INTO ledger.posting_queue (bill_id, employer_id, member_id, period, paid_on, penalty,
                                                          programs, parties, amounts)
                        SELECT b, e, m, p, d, n, CAST(g AS text[]), CAST(r AS text[]), CAST(a AS bigint[])
                          FROM unnest(CAST(:bills AS bigint[]), CAST(:employers AS bigint[]), CAST(:members AS uuid[]),
                                      CAST(:periods AS text[]), CAST(:paidOn AS date[]), CAST(:penalties AS bigint[]),
                                      CAST(:programs AS text[]), CAST(:parties AS text[]), CAST(:amounts AS text[]))
                               AS t (b, e, m, p, d, n, g, r, a),
                               (SELECT set_config('synchronous_commit', 'off', true)) lazy
                        ON CONFLICT (bill_id) DO NOTHING""")
                .param("bills", bills.stream().map(BillSettled::billId).toArray(Long[]::new))
                .param("employers", bills.stream().map(b -> b.payer().employerId()).toArray(Long[]::new))
                .param("members", bills.stream().map(b -> b.payer().memberId()).toArray(UUID[]::new))
                .param("periods", bills.stream().map(b -> b.period().toString()).toArray(String[]::new))
                .param("paidOn", bills.stream().map(b -> b.paidOn().toString()).toArray(String[]::new))
                .param("penalties", bills.stream().map(b -> b.penalty().value()).toArray(Long[]::new))
                .param("programs", arrays(bills, a -> a.program().name()))
                .param("parties", arrays(bills, a -> a.party().name()))
                .param("amounts", arrays(bills, a -> Long.toString(a.amount().value())))
                .update();
        statements.incrementAndGet();
    }

    /** How many statements have queued delivered bills (for the tests). */
    long statementsWritten() {
        return statements.get();
    }

    /** Whether a statement is queuing delivered bills now, and how many bills wait for the next (for the tests). */
    record Groups(boolean writing, int waiting) {
    }

    Groups groups() {
        groupLock.lock();
        try {
            return new Groups(writing, next.size());
        } finally {
            groupLock.unlock();
        }
    }

    /** Each bill's amounts as an array literal of {@code part}: {@code {JHT,JKK}}. */
    private static String[] arrays(List<BillSettled> bills, Function<BillAmount, String> part) {
        return bills.stream().map(b -> b.amounts().stream().map(part).collect(Collectors.joining(",", "{", "}")))
                .toArray(String[]::new);
    }

    /**
     * Takes up to {@code most} bills due for posting, oldest first, locked until the caller's transaction ends; bills
     * another poster holds are skipped, so several instances share the queue.
     */
    List<BillSettled> take(int most) {
        return jdbc.sql("""
                        SELECT %s FROM ledger.posting_queue
                        WHERE retry_after IS NULL OR retry_after <= now()
                        ORDER BY queued_at, bill_id
                        LIMIT :most
                        FOR UPDATE SKIP LOCKED""".formatted(COLUMNS))
                .param("most", most).query(PostingQueue::settled).list();
    }

    /** The bill, locked until the caller's transaction ends; empty when it left the queue or another poster has it. */
    Optional<BillSettled> lock(long billId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ledger.posting_queue WHERE bill_id = :bill FOR UPDATE SKIP LOCKED")
                .param("bill", billId).query(PostingQueue::settled).optional();
    }

    void remove(Collection<Long> billIds) {
        if (!billIds.isEmpty()) {
            jdbc.sql("DELETE FROM ledger.posting_queue WHERE bill_id = ANY(:bills)")
                    .param("bills", billIds.toArray(Long[]::new)).update();
        }
    }

    /** Records a failed attempt: the bill waits twice as long after each, from a second up to an hour. */
    void failed(long billId, String error) {
        jdbc.sql("""
                        UPDATE ledger.posting_queue
                        SET attempts = attempts + 1, last_error = left(:error, 2000),
                            retry_after = now() + least(interval '1 second' * power(2, least(attempts, 12)),
                                                        :longest * interval '1 second')
                        WHERE bill_id = :bill""")
                .param("bill", billId).param("error", error == null ? "" : error)
                .param("longest", LONGEST_WAIT.toSeconds()).update();
    }

    /** Bills waiting, and the age of the oldest in seconds (0 when none): what {@code ledger check} reports. */
    record Backlog(long bills, long failing, long oldestSeconds) {
    }

    Backlog backlog() {
        return jdbc.sql("""
                        SELECT count(*) AS bills, count(*) FILTER (WHERE attempts > 0) AS failing,
                               coalesce(extract(epoch FROM now() - min(queued_at))::bigint, 0) AS oldest
                        FROM ledger.posting_queue""")
                .query((rs, row) -> new Backlog(rs.getLong("bills"), rs.getLong("failing"), rs.getLong("oldest")))
                .single();
    }

    private static BillSettled settled(ResultSet rs, int row) throws SQLException {
        Long employer = rs.getObject("employer_id", Long.class);
        UUID member = rs.getObject("member_id", UUID.class);
        String[] programs = strings(rs.getArray("programs"));
        String[] parties = strings(rs.getArray("parties"));
        Long[] amounts = (Long[]) rs.getArray("amounts").getArray();
        List<BillAmount> lines = new ArrayList<>(programs.length);
        for (int i = 0; i < programs.length; i++) {
            lines.add(new BillAmount(Program.valueOf(programs[i]), Party.valueOf(parties[i]), Rupiah.of(amounts[i])));
        }
        return new BillSettled(rs.getLong("bill_id"), employer != null ? Payer.employer(employer) : Payer.member(member),
                Period.parse(rs.getString("period")), rs.getObject("paid_on", LocalDate.class), lines,
                Rupiah.of(rs.getLong("penalty")));
    }

    private static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }
}
