package id.jamsos.contribution.internal;

import id.jamsos.membership.LapseReason;
import id.jamsos.membership.Members;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An informal worker (BPU) with three monthly bills unpaid past their due dates becomes NON_ACTIVE (RULES.md §4).
 * Recorded once per third unpaid bill, so the daily job lapses a member once, and again only after new arrears
 * following a reactivation. Each member in their own transaction with the membership change and its e-mail.
 */
@Component
public class BpuLapses {

    static final int UNPAID_MONTHS = 3;

    private final JdbcClient jdbc;
    private final Members members;
    private final TransactionTemplate transaction;

    BpuLapses(JdbcClient jdbc, Members members, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.members = members;
        this.transaction = transaction;
    }

    record Candidate(UUID memberId, long thirdBillId) {
    }

    /** Answers how many members lapsed. */
    public int lapse(LocalDate asOf) {
        List<Candidate> candidates = jdbc.sql("""
                        SELECT c.member_id, c.third_bill_id
                          FROM (SELECT member_id, (array_agg(id ORDER BY period))[:months] AS third_bill_id
                                  FROM contribution.bill b
                                 WHERE category = 'BPU' AND due_date < :asOf
                                   AND NOT EXISTS (SELECT 1 FROM contribution.settlement s
                                                    WHERE s.bill_id = b.id AND s.paid_on <= :asOf)
                                 GROUP BY member_id HAVING count(*) >= :months) c
                         WHERE NOT EXISTS (SELECT 1 FROM contribution.lapse l
                                            WHERE l.member_id = c.member_id AND l.third_bill_id = c.third_bill_id)
                         ORDER BY c.member_id LIMIT 10000""")
                .param("asOf", asOf).param("months", UNPAID_MONTHS)
                .query((rs, row) -> new Candidate(rs.getObject("member_id", UUID.class), rs.getLong("third_bill_id")))
                .list();
        int lapsed = 0;
        for (Candidate candidate : candidates) {
            Boolean done = transaction.execute(status -> {
                int recorded = jdbc.sql("""
                                INSERT INTO contribution.lapse (member_id, third_bill_id, lapsed_on)
                                VALUES (:member, :bill, :on) ON CONFLICT DO NOTHING""")
                        .param("member", candidate.memberId()).param("bill", candidate.thirdBillId())
                        .param("on", asOf).update();
                return recorded == 1 && members.lapse(candidate.memberId(), LapseReason.CONTRIBUTIONS_UNPAID, asOf);
            });
            lapsed += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return lapsed;
    }
}
