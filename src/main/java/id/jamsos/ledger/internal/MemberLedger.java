package id.jamsos.ledger.internal;

import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import java.time.LocalDate;
import id.jamsos.employer.Employer;
import id.jamsos.employer.Workforce;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What a member sees of their JHT account: balance, its make-up per year, the chart, history and statements. */
@Service
public class MemberLedger {

    public static final int PAGE_SIZE = 12;
    private static final int CHART_MONTHS = 36;

    /** One year's contributions (employer, worker), yield and the balance at its end. */
    public record YearRow(int year, Rupiah employer, Rupiah worker, Rupiah yield, Rupiah closing) {
    }

    public record ChartPoint(Period month, Rupiah balance) {
    }

    public record Summary(Rupiah balance, Rupiah employer, Rupiah worker, Rupiah yield, List<YearRow> years,
                          Period lastContribution, List<ChartPoint> chart, boolean illustrativeYield) {
    }

    /**
     * A contribution month; {@code employerId} and {@code employerName} are null for an informal worker (the name also
     * when the employer is no longer registered), {@code wage} is the wage or declared income the bill was computed
     * from, null for months posted before bills recorded it.
     */
    public record Contribution(Period period, Long employerId, String employerName, Rupiah wage, Rupiah employer,
                               Rupiah worker, LocalDate paidOn) {
        public Rupiah total() {
            return employer.plus(worker);
        }
    }

    public record HistoryPage(List<Contribution> rows, int page, int pages, List<Integer> years) {
    }

    public record Statement(int year, Rupiah opening, List<Contribution> contributions, Rupiah yield, Rupiah closing,
                            boolean illustrativeYield) {
    }

    private final JdbcClient jdbc;
    private final Workforce workforce;

    MemberLedger(JdbcClient jdbc, Workforce workforce) {
        this.jdbc = jdbc;
        this.workforce = workforce;
    }

    private Optional<Long> account(UUID memberId) {
        return jdbc.sql("SELECT id FROM ledger.account WHERE member_id = :m").param("m", memberId)
                .query(Long.class).optional();
    }

    public Optional<Summary> summary(UUID memberId, LocalDate today) {
        return summary(memberId, today, true);
    }

    /** The summary without the chart's month-end balances (the balance API does not show them). */
    public Optional<Summary> summaryWithoutChart(UUID memberId, LocalDate today) {
        return summary(memberId, today, false);
    }

    /**
     * One statement: the account, its cached balance, the last contribution month, whether an illustrative rate made
     * any of its yield, and per year its contributions as kept beside its lines (V136) and its yield as credited
     * (one row a year; none when nothing was posted yet), so thirty years of contributions cost what a month does.
     */
    private Optional<Summary> summary(UUID memberId, LocalDate today, boolean withChart) {
        List<YearRow> years = new ArrayList<>();
        Object[] head = new Object[4];
        long[] running = {0};
        jdbc.sql("""
                        SELECT a.id, b.credits - b.debits AS balance,
                               (SELECT max(period) FROM ledger.jht_contribution WHERE member_id = :m) AS last_period,
                               EXISTS (SELECT 1 FROM ledger.yield_credit c JOIN ledger.yield_rate r ON r.id = c.rate_id
                                       WHERE c.account_id = a.id AND r.status = 'ILLUSTRATIVE') AS illustrative,
                               y.year, y.employer, y.worker, y.yield
                        FROM ledger.account a JOIN ledger.balance b ON b.account_id = a.id
                        LEFT JOIN LATERAL (
                            SELECT year, sum(employer) AS employer, sum(worker) AS worker, sum(yield) AS yield
                            FROM (SELECT year, employer, worker, 0 AS yield FROM ledger.balance_year
                                   WHERE account_id = a.id
                                  UNION ALL
                                  SELECT year, 0, 0, amount FROM ledger.yield_credit WHERE account_id = a.id) u
                            GROUP BY year) y ON true
                        WHERE a.member_id = :m ORDER BY y.year""")
                .param("m", memberId)
                .query((rs, n) -> {
                    head[0] = rs.getLong("id");
                    head[1] = rs.getLong("balance");
                    head[2] = rs.getString("last_period");
                    head[3] = rs.getBoolean("illustrative");
                    if (rs.getObject("year") != null) {
                        running[0] += rs.getLong("employer") + rs.getLong("worker") + rs.getLong("yield");
                        years.add(new YearRow(rs.getInt("year"), Rupiah.of(rs.getLong("employer")),
                                Rupiah.of(rs.getLong("worker")), Rupiah.of(rs.getLong("yield")), Rupiah.of(running[0])));
                    }
                    return null;
                }).list();
        if (head[0] == null) {
            return Optional.empty();
        }
        Rupiah employer = Rupiah.ZERO, worker = Rupiah.ZERO, yield = Rupiah.ZERO;
        for (YearRow row : years) {
            employer = employer.plus(row.employer());
            worker = worker.plus(row.worker());
            yield = yield.plus(row.yield());
        }
        Period last = head[2] == null ? null : Period.parse((String) head[2]);
        return Optional.of(new Summary(Rupiah.of((Long) head[1]), employer, worker, yield, List.copyOf(years), last,
                withChart ? chart((Long) head[0], today) : List.of(), (Boolean) head[3]));
    }

    /** The balance at each month's end over the last months up to today (months without movement carry over). */
    private List<ChartPoint> chart(long account, LocalDate today) {
        return jdbc.sql("""
                        WITH bounds AS (
                            SELECT greatest(date_trunc('month', min(e.effective_on)),
                                            date_trunc('month', CAST(:today AS date)) - make_interval(months => :months - 1)) AS first
                            FROM ledger.line l JOIN ledger.entry e ON e.id = l.entry_id WHERE l.account_id = :a),
                        months AS (
                            SELECT generate_series(b.first, date_trunc('month', CAST(:today AS date)), interval '1 month')::date AS month
                            FROM bounds b WHERE b.first IS NOT NULL)
                        SELECT to_char(m.month, 'YYYY-MM') AS period,
                               (SELECT coalesce(sum(CASE l.side WHEN 'C' THEN l.amount ELSE -l.amount END), 0)
                                FROM ledger.line l JOIN ledger.entry e ON e.id = l.entry_id
                                WHERE l.account_id = :a
                                  AND e.effective_on < m.month + interval '1 month') AS balance
                        FROM months m ORDER BY m.month""")
                .param("a", account).param("today", today).param("months", CHART_MONTHS)
                .query((rs, n) -> new ChartPoint(Period.parse(rs.getString("period")), Rupiah.of(rs.getLong("balance"))))
                .list();
    }

    private boolean illustrative(long account, Integer year) {
        return jdbc.sql("""
                        SELECT count(*) > 0 FROM ledger.yield_credit c JOIN ledger.yield_rate r ON r.id = c.rate_id
                        WHERE c.account_id = :a AND r.status = 'ILLUSTRATIVE' AND (CAST(:y AS int) IS NULL OR c.year = :y)""")
                .param("a", account).param("y", year, java.sql.Types.INTEGER).query(Boolean.class).single();
    }

    /** Contributions by month, newest first, of one year or of all years ({@code year} null); pages from 1. */
    public HistoryPage history(UUID memberId, Integer year, int page) {
        List<Integer> years = jdbc.sql("SELECT DISTINCT CAST(left(period, 4) AS int) FROM ledger.jht_contribution"
                + " WHERE member_id = :m ORDER BY 1 DESC").param("m", memberId).query(Integer.class).list();
        long count = jdbc.sql("SELECT count(*) FROM ledger.jht_contribution WHERE member_id = :m"
                        + " AND (CAST(:y AS text) IS NULL OR left(period, 4) = :y)")
                .param("m", memberId).param("y", year == null ? null : year.toString(), java.sql.Types.VARCHAR)
                .query(Long.class).single();
        int pages = (int) Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(page, 1), pages);
        return new HistoryPage(contributions(memberId, year, null, PAGE_SIZE, (shown - 1) * PAGE_SIZE), shown, pages,
                years);
    }

    /** Every contribution of a year (or all), for the CSV download. */
    public List<Contribution> allContributions(UUID memberId, Integer year) {
        return contributions(memberId, year, null, Integer.MAX_VALUE, 0);
    }

    private List<Contribution> contributions(UUID memberId, Integer periodYear, Integer paidYear, int limit,
                                             int offset) {
        Map<Long, Optional<String>> names = new HashMap<>();
        return jdbc.sql("""
                        SELECT c.period, c.employer_id, c.wage, c.employer, c.worker, c.paid_on
                        FROM ledger.jht_contribution c
                        WHERE c.member_id = :m AND (CAST(:y AS text) IS NULL OR left(c.period, 4) = :y)
                          AND (CAST(:paid AS int) IS NULL OR extract(YEAR FROM c.paid_on) = :paid)
                        ORDER BY c.period DESC, c.bill_id DESC LIMIT :limit OFFSET :offset""")
                .param("m", memberId).param("y", periodYear == null ? null : periodYear.toString(), java.sql.Types.VARCHAR)
                .param("paid", paidYear, java.sql.Types.INTEGER).param("limit", limit).param("offset", offset)
                .query((rs, n) -> {
                    Long employerId = (Long) rs.getObject("employer_id");
                    return new Contribution(Period.parse(rs.getString("period")), employerId,
                            employerId == null ? null : names.computeIfAbsent(employerId, this::employerName)
                                    .orElse(null),
                            rs.getObject("wage") == null ? null : Rupiah.of(rs.getLong("wage")),
                            Rupiah.of(rs.getLong("employer")), Rupiah.of(rs.getLong("worker")),
                            rs.getObject("paid_on", LocalDate.class));
                })
                .list();
    }

    /** The employer's registered name, asked once per employer and listing (a member has had a few employers). */
    private Optional<String> employerName(long employerId) {
        return workforce.employer(employerId).map(Employer::name);
    }

    /** The year's statement: opening balance, each contribution paid in the year, the year's yield, closing balance. */
    public Optional<Statement> statement(UUID memberId, int year) {
        return account(memberId).map(account -> {
            long[] sums = jdbc.sql("""
                            SELECT coalesce(sum(s.signed) FILTER (WHERE e.effective_on < make_date(:y, 1, 1)), 0),
                                   coalesce(sum(s.signed) FILTER (WHERE e.yield_year = :y), 0),
                                   coalesce(sum(s.signed) FILTER (WHERE e.effective_on <= make_date(:y, 12, 31)), 0)
                            FROM ledger.line l JOIN ledger.entry e ON e.id = l.entry_id,
                                 LATERAL (SELECT CASE l.side WHEN 'C' THEN l.amount ELSE -l.amount END AS signed) s
                            WHERE l.account_id = :a""")
                    .param("a", account).param("y", year)
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
            List<Contribution> paid = new ArrayList<>(contributions(memberId, null, year, Integer.MAX_VALUE, 0));
            java.util.Collections.reverse(paid);
            return new Statement(year, Rupiah.of(sums[0]), paid, Rupiah.of(sums[1]), Rupiah.of(sums[2]),
                    illustrative(account, year));
        });
    }
}
