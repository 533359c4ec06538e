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
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Settled bills waiting for the poster (V134), oldest first. */
@Component
class PostingQueue {

    /** How long a bill that failed to post waits before its next attempt, at most. */
    static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private static final String COLUMNS =
            "bill_id, employer_id, member_id, period, paid_on, penalty, programs, parties, amounts";

    private final JdbcClient jdbc;

    PostingQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Queues a bill (a bill queued before stays as it is) delivered by the event registry, outside any transaction:
     * the insert commits by itself, without waiting for the WAL flush ({@code synchronous_commit = off} for it alone). The registry's completion mark
     * comes after it in the WAL, so a crash can lose the row only together with the mark, and the registry then
     * delivers the event again; a row that survives a lost mark makes the new delivery do nothing.
     */
    void addDelivered(BillSettled settled) {
        List<BillAmount> amounts = settled.amounts();
        jdbc.sql("""
                        INSERT INTO ledger.posting_queue (bill_id, employer_id, member_id, period, paid_on, penalty,
                                                          programs, parties, amounts)
                        SELECT :bill, :employer, :member, :period, :paidOn, :penalty, CAST(:programs AS text[]),
                               CAST(:parties AS text[]), CAST(:amounts AS bigint[])
                          FROM (SELECT set_config('synchronous_commit', 'off', true)) lazy
                        ON CONFLICT (bill_id) DO NOTHING""")
                .param("bill", settled.billId())
                .param("employer", settled.payer().employerId(), Types.BIGINT)
                .param("member", settled.payer().memberId(), Types.OTHER)
                .param("period", settled.period().toString()).param("paidOn", settled.paidOn())
                .param("penalty", settled.penalty().value())
                .param("programs", amounts.stream().map(a -> a.program().name()).toArray(String[]::new))
                .param("parties", amounts.stream().map(a -> a.party().name()).toArray(String[]::new))
                .param("amounts", amounts.stream().map(a -> a.amount().value()).toArray(Long[]::new))
                .update();
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
