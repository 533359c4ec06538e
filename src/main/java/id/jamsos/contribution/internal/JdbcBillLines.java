package id.jamsos.contribution.internal;

import id.jamsos.common.Rupiah;
import id.jamsos.contribution.BillLines;
import id.jamsos.contribution.Party;
import id.jamsos.contribution.Program;
import java.util.List;
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
}
