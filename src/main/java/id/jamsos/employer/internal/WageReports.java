package id.jamsos.employer.internal;

import id.jamsos.audit.AuditEntry;
import id.jamsos.audit.AuditLog;
import id.jamsos.audit.AuditOutcome;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.JakartaTime;
import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import id.jamsos.employer.WagesReported;
import id.jamsos.employer.internal.WageChecks.Checked;
import id.jamsos.employer.internal.WageChecks.Problem;
import id.jamsos.employer.internal.WageChecks.ValidLine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Wage reports: a file or the on-screen form is checked line by line and kept as a draft with its problems; applying
 * it (all lines, or only the valid ones when the administrator says so) is one guarded step that happens once.
 */
@Service
public class WageReports {

    /** A report as its pages show it. */
    public record Report(long id, long employerId, Period period, String status, String source, String fileName,
                         int lineCount, int validCount, Instant createdAt, Instant appliedAt, Integer appliedCount) {

        public boolean applied() {
            return "APPLIED".equals(status);
        }

        public int problemLines() {
            return lineCount - validCount;
        }
    }

    /** One problem of one line, its message a key in the messages files. */
    public record LineProblem(int line, String field, String messageKey, String argument) {
    }


    public static final int PAGE_SIZE = 100;

    private final JdbcClient jdbc;
    private final WageFiles files;
    private final WageChecks checks;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    WageReports(JdbcClient jdbc, WageFiles files, WageChecks checks, ApplicationEventPublisher events, AuditLog audit,
                Clock clock) {
        this.jdbc = jdbc;
        this.files = files;
        this.checks = checks;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** Reads and checks an uploaded file; a file that cannot be read at all is refused and leaves nothing behind. */
    @Transactional
    public long upload(long employerId, UUID adminId, String period, String fileName, byte[] content) {
        Period month = reportable(period);
        WageFiles.Read read = files.read(content);
        Checked checked = checks.check(employerId, month, read.lines(), true);
        return store(employerId, adminId, month, read.format(), fileName, checked);
    }

    /** The on-screen form: one wage per worker, named by KPJ, in the order the form showed them. */
    @Transactional
    public long fromScreen(long employerId, UUID adminId, String period, List<String> kpjs, List<String> wages) {
        Period month = reportable(period);
        if (kpjs == null || wages == null || kpjs.isEmpty() || kpjs.size() != wages.size()) {
            throw new InvalidValue("wage-report.screen.empty");
        }
        List<RawLine> lines = new ArrayList<>(kpjs.size());
        for (int i = 0; i < kpjs.size(); i++) {
            lines.add(new RawLine(i + 1, kpjs.get(i), "", wages.get(i), 3));
        }
        return store(employerId, adminId, month, "SCREEN", null, checks.check(employerId, month, lines, false));
    }

    /**
     * Applies the report's valid lines: the wages then count for billing and show on the workers' pages. Refused while
     * some lines have problems unless {@code onlyValidLines}. Answers false when it was applied already (a second
     * click, a resent form): the guarded status change lets exactly one request through.
     */
    @Transactional
    public boolean apply(long employerId, long reportId, Actor actor, boolean onlyValidLines) {
        Report report = find(employerId, reportId).orElseThrow(() -> new InvalidValue("wage-report.not-found"));
        if (report.applied()) {
            return false;
        }
        if (report.validCount() == 0) {
            throw new InvalidValue("wage-report.nothing-valid");
        }
        if (report.problemLines() > 0 && !onlyValidLines) {
            throw new InvalidValue("wage-report.has-problems");
        }
        Instant at = clock.instant();
        int changed = jdbc.sql("""
                        UPDATE employer.wage_report SET status = 'APPLIED', applied_at = :at, applied_by = :by,
                               applied_count = valid_count
                         WHERE id = :id AND employer_id = :employer AND status = 'DRAFT'""")
                .param("at", Timestamp.from(at)).param("by", actor.accountId()).param("id", reportId)
                .param("employer", employerId).update();
        if (changed == 0) {
            return false;
        }
        record(reportId, employerId, report.period(), at);
        events.publishEvent(new WagesReported(reportId, employerId, report.period(), report.validCount()));
        audit.record(new AuditEntry(actor.accountId(), actor.email(), "WAGE_REPORT_APPLIED", "WAGE_REPORT",
                Long.toString(reportId), actor.ipAddress(), AuditOutcome.SUCCESS,
                Map.of("employer", Long.toString(employerId), "period", report.period().toString(),
                        "workers", Integer.toString(report.validCount()),
                        "onlyValidLines", Boolean.toString(report.problemLines() > 0))));
        return true;
    }

    /** The wage history and the latest wage per worker, set-based, in the transaction that applies the report. */
    private void record(long reportId, long employerId, Period period, Instant at) {
        jdbc.sql("""
                        INSERT INTO employer.reported_wage (employer_id, member_id, period, wage_rupiah, report_id, applied_at)
                        SELECT :employer, member_id, :period, wage_rupiah, report_id, :at
                          FROM employer.wage_line WHERE report_id = :report
                        ON CONFLICT (employer_id, member_id, period)
                        DO UPDATE SET wage_rupiah = excluded.wage_rupiah, report_id = excluded.report_id,
                                      applied_at = excluded.applied_at""")
                .param("employer", employerId).param("period", period.toString()).param("at", Timestamp.from(at))
                .param("report", reportId).update();
        jdbc.sql("""
                        INSERT INTO employer.current_wage (employer_id, member_id, period, wage_rupiah)
                        SELECT :employer, member_id, :period, wage_rupiah FROM employer.wage_line WHERE report_id = :report
                        ON CONFLICT (employer_id, member_id)
                        DO UPDATE SET period = excluded.period, wage_rupiah = excluded.wage_rupiah
                        WHERE employer.current_wage.period <= excluded.period""")
                .param("employer", employerId).param("period", period.toString()).param("report", reportId).update();
    }

    /** Only a report of this employer: another employer's id is as unknown as a missing one. */
    public Optional<Report> find(long employerId, long reportId) {
        return jdbc.sql("SELECT * FROM employer.wage_report WHERE id = :id AND employer_id = :employer")
                .param("id", reportId).param("employer", employerId).query(WageReports::report).optional();
    }

    public List<Report> page(long employerId, int page) {
        return jdbc.sql("SELECT * FROM employer.wage_report WHERE employer_id = :employer ORDER BY id DESC"
                        + " LIMIT :size OFFSET :offset")
                .param("employer", employerId).param("size", PAGE_SIZE + 1).param("offset", (long) page * PAGE_SIZE)
                .query(WageReports::report).list();
    }

    /** A page of the report's problems by line; the caller has found the report through its employer. */
    public List<LineProblem> problems(Report report, int page) {
        return jdbc.sql("""
                        SELECT line_number, field, message_key, argument FROM employer.wage_problem
                         WHERE report_id = :report ORDER BY line_number, field LIMIT :size OFFSET :offset""")
                .param("report", report.id()).param("size", PAGE_SIZE + 1).param("offset", (long) page * PAGE_SIZE)
                .query((rs, row) -> new LineProblem(rs.getInt("line_number"), rs.getString("field"),
                        rs.getString("message_key"), rs.getString("argument")))
                .list();
    }

    /** Reports name a month that has begun: wages are reported for work done. */
    private Period reportable(String typed) {
        Period period = Period.parse(typed);
        if (period.isAfter(Period.of(JakartaTime.today(clock)))) {
            throw new InvalidValue("wage-report.period.future");
        }
        return period;
    }

    private long store(long employerId, UUID adminId, Period period, String source, String fileName, Checked checked) {
        long id = jdbc.sql("""
                        INSERT INTO employer.wage_report (employer_id, period, status, source, file_name, line_count,
                                                          valid_count, created_by, created_at)
                        VALUES (:employer, :period, 'DRAFT', :source, :file, :lines, :valid, :by, :at) RETURNING id""")
                .param("employer", employerId).param("period", period.toString()).param("source", source)
                .param("file", fileName == null ? null : cut(fileName, 200)).param("lines", checked.lineCount())
                .param("valid", checked.valid().size()).param("by", adminId).param("at", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        List<ValidLine> valid = checked.valid();
        jdbc.sql("""
                        INSERT INTO employer.wage_line (report_id, line_number, member_id, wage_rupiah)
                        SELECT :report, * FROM unnest(:lines, :members, :wages)""")
                .param("report", id)
                .param("lines", new SqlArrayValue("int4", valid.stream().map(ValidLine::line).toArray()))
                .param("members", new SqlArrayValue("uuid", valid.stream().map(ValidLine::memberId).toArray()))
                .param("wages", new SqlArrayValue("int8", valid.stream().map(v -> v.wage().value()).toArray()))
                .update();
        List<Problem> problems = checked.problems();
        jdbc.sql("""
                        INSERT INTO employer.wage_problem (report_id, line_number, field, message_key, argument)
                        SELECT :report, * FROM unnest(:lines, :fields, :keys, :arguments)""")
                .param("report", id)
                .param("lines", new SqlArrayValue("int4", problems.stream().map(Problem::line).toArray()))
                .param("fields", new SqlArrayValue("text", problems.stream().map(p -> p.field().name()).toArray()))
                .param("keys", new SqlArrayValue("text", problems.stream().map(Problem::messageKey).toArray()))
                .param("arguments", new SqlArrayValue("text", problems.stream().map(Problem::argument).toArray()))
                .update();
        return id;
    }

    private static String cut(String text, int length) {
        String plain = text.replaceAll("[\\p{Cntrl}]", "");
        return plain.length() <= length ? plain : plain.substring(0, length);
    }

    private static Report report(ResultSet rs, int row) throws SQLException {
        Timestamp applied = rs.getTimestamp("applied_at");
        return new Report(rs.getLong("id"), rs.getLong("employer_id"), Period.parse(rs.getString("period")),
                rs.getString("status"), rs.getString("source"), rs.getString("file_name"), rs.getInt("line_count"),
                rs.getInt("valid_count"), rs.getTimestamp("created_at").toInstant(),
                applied == null ? null : applied.toInstant(), (Integer) rs.getObject("applied_count"));
    }

    /** For the member's own page: what each employer reported, newest month first. */
    public record ReportedWage(Period period, String employerName, Rupiah wage, boolean lowerThanMonthBefore) {
    }

    public List<ReportedWage> wagesOf(UUID memberId, int page) {
        return jdbc.sql("""
                        SELECT w.period, e.name, w.wage_rupiah,
                               coalesce(w.wage_rupiah < lag(w.wage_rupiah) OVER (PARTITION BY w.employer_id ORDER BY w.period), false) AS lower
                          FROM employer.reported_wage w JOIN employer.employer e ON e.id = w.employer_id
                         WHERE w.member_id = :member
                         ORDER BY w.period DESC, e.name LIMIT :size OFFSET :offset""")
                .param("member", memberId).param("size", PAGE_SIZE + 1).param("offset", (long) page * PAGE_SIZE)
                .query((rs, row) -> new ReportedWage(Period.parse(rs.getString("period")), rs.getString("name"),
                        Rupiah.of(rs.getLong("wage_rupiah")), rs.getBoolean("lower")))
                .list();
    }
}
