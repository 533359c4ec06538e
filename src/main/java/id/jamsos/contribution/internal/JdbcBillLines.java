package id.jamsos.contribution.internal;

import id.jamsos.common.Rupiah;
import id.jamsos.contribution.BillLines;
import id.jamsos.contribution.Party;
import id.jamsos.contribution.Program;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads a bill's contribution lines (V85: one per worker × program × party; V86: with the wage). */
@Component
class JdbcBillLines implements BillLines {

    private final JdbcClient jdbc;

    JdbcBillLines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<WorkerShare> lines(long billId) {
        return jdbc.sql("""
                        SELECT member_id, program, party, amount, wage FROM contribution.bill_line
                        WHERE bill_id = :bill AND kind = 'CONTRIBUTION' ORDER BY member_id, program, party""")
                .param("bill", billId)
                .query((rs, row) -> new WorkerShare(rs.getObject("member_id", UUID.class),
                        Program.valueOf(rs.getString("program")), Party.valueOf(rs.getString("party")),
                        Rupiah.of(rs.getLong("amount")),
                        rs.getObject("wage") == null ? null : Rupiah.of(rs.getLong("wage"))))
                .list();
    }

    @Override
    public Map<Long, Rupiah> workerContributions(UUID memberId, Collection<Long> billIds) {
        if (billIds.size() > MAX_BILLS) {
            throw new IllegalArgumentException("at most " + MAX_BILLS + " bills at once, not " + billIds.size());
        }
        Map<Long, Rupiah> totals = new HashMap<>();
        if (billIds.isEmpty()) {
            return totals;
        }
        jdbc.sql("""
                        SELECT bill_id, sum(amount) AS total FROM contribution.bill_line
                        WHERE bill_id = ANY(:bills) AND member_id = :member AND kind = 'CONTRIBUTION'
                        GROUP BY bill_id""")
                .param("bills", billIds.toArray(Long[]::new)).param("member", memberId)
                .query(rs -> {
                    totals.put(rs.getLong("bill_id"), Rupiah.of(rs.getLong("total")));
                });
        return totals;
    }
}
