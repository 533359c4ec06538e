package id.jamsos.contribution.internal;

import id.jamsos.common.Rupiah;
import id.jamsos.contribution.BillLines;
import id.jamsos.contribution.Party;
import id.jamsos.contribution.Program;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
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
                .query((rs, row) -> share(rs))
                .list();
    }

    /**
     * One statement for the bills given, cut off after {@code mostLines} + 1 lines: when it is cut, the bills before
     * the last one it reached are whole; when not even the first is (a bill larger than the limit), that bill is read
     * alone, whole.
     */
    @Override
    public SortedMap<Long, List<WorkerShare>> lines(Collection<BillOfMonth> bills, int mostLines) {
        List<BillOfMonth> byId = bills.stream().sorted(Comparator.comparingLong(BillOfMonth::billId)).distinct().toList();
        SortedMap<Long, List<WorkerShare>> read = new TreeMap<>();
        if (byId.isEmpty()) {
            return read;
        }
        int most = Math.max(1, mostLines);
        record Row(long billId, WorkerShare share) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT bill_id, member_id, program, party, amount, wage FROM contribution.bill_line
                        WHERE period = ANY(:periods) AND bill_id = ANY(:bills) AND kind = 'CONTRIBUTION'
                        ORDER BY bill_id, member_id, program, party
                        LIMIT :most""")
                .param("periods", byId.stream().map(b -> b.period().toString()).distinct().toArray(String[]::new))
                .param("bills", byId.stream().map(BillOfMonth::billId).toArray(Long[]::new))
                .param("most", most + 1)
                .query((rs, n) -> new Row(rs.getLong("bill_id"), share(rs)))
                .list();
        // Whole when not cut off; otherwise up to (not including) the bill the cut fell in.
        long wholeBelow = rows.size() <= most ? Long.MAX_VALUE : rows.get(rows.size() - 1).billId();
        if (wholeBelow <= byId.get(0).billId()) {
            read.put(byId.get(0).billId(), lines(byId.get(0).billId()));
            return read;
        }
        Map<Long, List<WorkerShare>> byBill = rows.stream().collect(Collectors.groupingBy(Row::billId,
                Collectors.mapping(Row::share, Collectors.toUnmodifiableList())));
        for (BillOfMonth bill : byId) {
            if (bill.billId() < wholeBelow) {
                read.put(bill.billId(), byBill.getOrDefault(bill.billId(), List.of()));
            }
        }
        return read;
    }

    private static WorkerShare share(ResultSet rs) throws SQLException {
        return new WorkerShare(rs.getObject("member_id", UUID.class), Program.valueOf(rs.getString("program")),
                Party.valueOf(rs.getString("party")), Rupiah.of(rs.getLong("amount")),
                rs.getObject("wage") == null ? null : Rupiah.of(rs.getLong("wage")));
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
