package id.jamsos.contribution.internal;

import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.Contribution;
import id.jamsos.contribution.Program;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The billing run's tables: passes and chunks (its progress), bills issued in bulk, participants to bill. */
@Component
class BillingStore {

    record Pass(Period period, Category category, int number, int chunkSize) {
    }

    record Participant(UUID memberId, Rupiah declaredIncome, Set<Program> programs) {
    }

    /** A bill about to be issued: its payer and the totals of its workers' contributions. */
    static final class NewBill {
        final Long employerId;
        final UUID memberId;
        long employerTotal;
        long workerTotal;
        int workers;

        private NewBill(Long employerId, UUID memberId) {
            this.employerId = employerId;
            this.memberId = memberId;
        }

        static NewBill employer(long id) {
            return new NewBill(id, null);
        }

        static NewBill member(UUID id) {
            return new NewBill(null, id);
        }

        long employerId() {
            return employerId;
        }

        NewBill add(Contribution contribution) {
            employerTotal = Math.addExact(employerTotal, contribution.employerTotal().value());
            workerTotal = Math.addExact(workerTotal, contribution.workerTotal().value());
            workers++;
            return this;
        }
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;

    BillingStore(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = transaction;
    }

    /** Bill lines are partitioned by year; the year's partition is created when its first month is billed. */
    void ensurePartition(Period period) {
        int year = period.month().getYear();
        transaction.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('contribution.bill_line partitions'))").query().singleRow();
            jdbc.sql(String.format("CREATE TABLE IF NOT EXISTS contribution.bill_line_%d PARTITION OF"
                    + " contribution.bill_line FOR VALUES FROM ('%d-01') TO ('%d-01')", year, year, year + 1)).update();
        });
    }

    /** The unfinished pass of this period and category, or a new one when none is open. */
    Pass pass(Period period, Category category, int chunkSize, Instant at) {
        return transaction.execute(status -> {
            jdbc.sql("""
                            INSERT INTO contribution.billing_run (period, category, pass, chunk_size, started_at)
                            SELECT :period, :category, coalesce(max(pass), 0) + 1, :size, :at
                              FROM contribution.billing_run WHERE period = :period AND category = :category
                            HAVING count(*) = 0 OR bool_and(finished_at IS NOT NULL)
                            ON CONFLICT DO NOTHING""")
                    .param("period", period.toString()).param("category", category.name()).param("size", chunkSize)
                    .param("at", Timestamp.from(at)).update();
            return jdbc.sql("""
                            SELECT pass, chunk_size FROM contribution.billing_run
                             WHERE period = :period AND category = :category ORDER BY pass DESC LIMIT 1""")
                    .param("period", period.toString()).param("category", category.name())
                    .query((rs, row) -> new Pass(period, category, rs.getInt("pass"), rs.getInt("chunk_size")))
                    .single();
        });
    }

    /**
     * Claims a chunk in the caller's transaction: false when it is done already. A second run claiming the same chunk
     * waits here until the first commits (then skips it) or rolls back (then bills it).
     */
    boolean claim(Pass pass, long chunk, Instant at) {
        return jdbc.sql("""
                        INSERT INTO contribution.billing_chunk (period, category, pass, chunk, done_at)
                        VALUES (:period, :category, :pass, :chunk, :at) ON CONFLICT DO NOTHING""")
                .param("period", pass.period().toString()).param("category", pass.category().name())
                .param("pass", pass.number()).param("chunk", chunk).param("at", Timestamp.from(at)).update() == 1;
    }

    void chunkDone(Pass pass, long chunk, long bills, long lines) {
        jdbc.sql("""
                        UPDATE contribution.billing_chunk SET bills = :bills, lines = :lines
                         WHERE period = :period AND category = :category AND pass = :pass AND chunk = :chunk""")
                .param("bills", bills).param("lines", lines).param("period", pass.period().toString())
                .param("category", pass.category().name()).param("pass", pass.number()).param("chunk", chunk)
                .update();
    }

    void finish(Pass pass, Instant at) {
        jdbc.sql("""
                        UPDATE contribution.billing_run SET finished_at = :at
                         WHERE period = :period AND category = :category AND pass = :pass AND finished_at IS NULL""")
                .param("at", Timestamp.from(at)).param("period", pass.period().toString())
                .param("category", pass.category().name()).param("pass", pass.number()).update();
    }

    /**
     * Issues the bills in one statement; a payer already billed for the period is skipped. Answers the new bills' ids
     * by payer (employer id or member id).
     */
    Map<Object, Long> insertBills(Period period, Category category, LocalDate due, Instant at, List<NewBill> bills) {
        Map<Object, Long> issued = new HashMap<>();
        if (bills.isEmpty()) {
            return issued;
        }
        boolean pu = category == Category.PU;
        String payerColumn = pu ? "employer_id" : "member_id";
        String sql = "INSERT INTO contribution.bill (category, " + payerColumn + ", period, due_date, issued_at,"
                + " employer_total, worker_total, workers)"
                + " SELECT ?, payer, ?, ?, ?, et, wt, w FROM unnest(?::" + (pu ? "bigint" : "uuid")
                + "[], ?::bigint[], ?::bigint[], ?::int[]) AS t(payer, et, wt, w)"
                + " ON CONFLICT (" + payerColumn + ", period) WHERE " + payerColumn + " IS NOT NULL DO NOTHING"
                + " RETURNING id, " + payerColumn;
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Object[] payers = bills.stream().map(b -> pu ? b.employerId : b.memberId).toArray();
            statement.setString(1, category.name());
            statement.setString(2, period.toString());
            statement.setObject(3, due);
            statement.setTimestamp(4, Timestamp.from(at));
            statement.setArray(5, connection.createArrayOf(pu ? "bigint" : "uuid", payers));
            statement.setArray(6, longs(connection, bills.stream().mapToLong(b -> b.employerTotal).toArray()));
            statement.setArray(7, longs(connection, bills.stream().mapToLong(b -> b.workerTotal).toArray()));
            statement.setArray(8, connection.createArrayOf("integer",
                    bills.stream().map(b -> b.workers).toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    issued.put(pu ? (Object) rs.getLong(2) : rs.getObject(2, UUID.class), rs.getLong(1));
                }
            }
            return issued;
        } catch (SQLException e) {
            throw new IllegalStateException("bills for " + period + " not issued", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** A COPY of bill lines on the transaction's connection. */
    BillLineCopy copy() {
        return new BillLineCopy(DataSourceUtils.getConnection(dataSource));
    }

    /**
     * The informal workers in one bucket whose enrolment is in force for the month, except those who lapsed before the
     * month under that enrolment (a new enrolment after reactivation bills them again).
     */
    List<Participant> participants(Period period, int bucket, int buckets) {
        return jdbc.sql(ENROLLED.formatted("mod(abs(hashtext(member_id::text)::bigint), :buckets) = :bucket"))
                .param("period", period.toString()).param("bucket", bucket).param("buckets", buckets)
                .param("firstDay", period.firstDay()).query(BillingStore::participant).list();
    }

    /** One informal worker, when the run of {@code period} would bill them ({@link #participants}). */
    Optional<Participant> participant(Period period, UUID memberId) {
        return jdbc.sql(ENROLLED.formatted("member_id = :member"))
                .param("period", period.toString()).param("member", memberId)
                .param("firstDay", period.firstDay()).query(BillingStore::participant).optional();
    }

    /** The enrolment in force for the month, unless the member lapsed before the month under it. */
    private static final String ENROLLED = """
            SELECT p.member_id, p.declared_income, p.programs
              FROM (SELECT DISTINCT ON (member_id) member_id, declared_income, programs, from_period
                      FROM contribution.participation
                     WHERE from_period <= :period AND %s
                     ORDER BY member_id, from_period DESC) p
             WHERE NOT EXISTS (SELECT 1 FROM contribution.lapse l WHERE l.member_id = p.member_id
                                  AND l.lapsed_on >= to_date(p.from_period || '-01', 'YYYY-MM-DD')
                                  AND l.lapsed_on < :firstDay)
             ORDER BY p.member_id""";

    private static Participant participant(ResultSet rs, int row) throws SQLException {
        return new Participant(rs.getObject("member_id", UUID.class), Rupiah.of(rs.getLong("declared_income")),
                programs(rs.getString("programs")));
    }

    static Set<Program> programs(String stored) {
        return Arrays.stream(stored.split(",")).map(Program::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Program.class)));
    }

    private static Array longs(Connection connection, long[] values) throws SQLException {
        return connection.createArrayOf("bigint", Arrays.stream(values).boxed().toArray());
    }
}
