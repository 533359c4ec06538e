package id.jamsos.employer.internal;

import id.jamsos.common.Npp;
import id.jamsos.common.Period;
import id.jamsos.common.RiskClass;
import id.jamsos.common.Rupiah;
import id.jamsos.employer.BillableWage;
import id.jamsos.employer.Employer;
import id.jamsos.employer.MemberEmployment;
import id.jamsos.employer.StartedEmployment;
import id.jamsos.employer.Workforce;
import java.sql.ResultSet;
import java.sql.SQLException;
import id.jamsos.common.InvalidValue;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The employer register as the contribution module reads it. */
@Service
class JdbcWorkforce implements Workforce {

    /*
     * One set-based query per chunk. The wage: the latest reported period of the pair (current_wage, joined in key
     * order) when it is not after the billed period and not before this employment began; only when a later period
     * was already reported (billing a past month) is the history searched, through an index. The id range is repeated
     * on current_wage so the planner reads only the chunk's rows of it (it does not carry ranges across a join). A
     * member who left and came back within one month is billed once, at the wage of the latest employment.
     */
    static final String BILLABLE = """
            SELECT DISTINCT ON (e.employer_id, e.member_id) e.employer_id, e.member_id, r.risk_class,
                   CASE
                       WHEN c.period IS NULL OR c.period < to_char(e.start_date, 'YYYY-MM') THEN e.joining_wage_rupiah
                       WHEN c.period <= :period THEN c.wage_rupiah
                       ELSE coalesce((SELECT w.wage_rupiah FROM employer.reported_wage w
                                       WHERE w.employer_id = e.employer_id AND w.member_id = e.member_id
                                         AND w.period <= :period AND w.period >= to_char(e.start_date, 'YYYY-MM')
                                       ORDER BY w.period DESC LIMIT 1), e.joining_wage_rupiah)
                   END AS wage_rupiah
              FROM employer.employment e
              JOIN employer.employer r ON r.id = e.employer_id
              LEFT JOIN employer.current_wage c ON c.employer_id = e.employer_id AND c.member_id = e.member_id
                                               AND c.employer_id >= :from AND c.employer_id < :to
             WHERE e.employer_id >= :from AND e.employer_id < :to
               AND e.start_date <= :lastDay AND (e.end_date IS NULL OR e.end_date >= :firstDay)
             ORDER BY e.employer_id, e.member_id, e.start_date DESC""";

    private final JdbcClient jdbc;
    private final Employments employments;

    JdbcWorkforce(JdbcClient jdbc, Employments employments) {
        this.jdbc = jdbc;
        this.employments = employments;
    }

    @Override
    @Transactional
    public StartedEmployment startEmployment(Npp npp, UUID memberId, LocalDate start, Rupiah wage, String jobTitle,
                                UUID byAccountId, String byActor, String ipAddress) {
        long employerId = jdbc.sql("SELECT id FROM employer.employer WHERE npp = :npp").param("npp", npp.value())
                .query(Long.class).optional().orElseThrow(() -> new InvalidValue("employment.employer.unknown"));
        return employments.start(new Actor(byAccountId, byActor, ipAddress), employerId, memberId, start, wage,
                jobTitle);
    }

    @Override
    public Optional<Employer> employer(long employerId) {
        return jdbc.sql("SELECT id, npp, name, risk_class FROM employer.employer WHERE id = :id")
                .param("id", employerId).query(JdbcWorkforce::employer).optional();
    }

    @Override
    public Optional<Employer> employerOf(UUID adminAccountId) {
        return jdbc.sql("""
                        SELECT e.id, e.npp, e.name, e.risk_class FROM employer.employer e
                          JOIN employer.employer_admin a ON a.employer_id = e.id WHERE a.account_id = :account""")
                .param("account", adminAccountId).query(JdbcWorkforce::employer).optional();
    }

    @Override
    public List<BillableWage> billableWages(Period period, long fromEmployerId, long toEmployerId) {
        return jdbc.sql(BILLABLE)
                .param("period", period.toString())
                .param("firstDay", period.firstDay()).param("lastDay", period.lastDay())
                .param("from", fromEmployerId).param("to", toEmployerId)
                .query((rs, row) -> new BillableWage(rs.getLong("employer_id"), rs.getObject("member_id", UUID.class),
                        RiskClass.of(rs.getInt("risk_class")), Rupiah.of(rs.getLong("wage_rupiah"))))
                .list();
    }

    @Override
    public OptionalLong highestEmployerId() {
        long highest = jdbc.sql("SELECT coalesce(max(id), 0) FROM employer.employer").query(Long.class).single();
        return highest == 0 ? OptionalLong.empty() : OptionalLong.of(highest); // identities start at 1
    }

    static Employer employer(ResultSet rs, int row) throws SQLException {
        return new Employer(rs.getLong("id"), new Npp(rs.getString("npp")), rs.getString("name"),
                RiskClass.of(rs.getInt("risk_class")));
    }

    @Override
    public List<MemberEmployment> employmentsOf(UUID memberId) {
        return jdbc.sql("""
                        SELECT e.employer_id, r.npp, r.name, e.start_date, e.end_date, e.job_title
                          FROM employer.employment e JOIN employer.employer r ON r.id = e.employer_id
                         WHERE e.member_id = :member ORDER BY e.start_date DESC, e.id DESC LIMIT 100""")
                .param("member", memberId)
                .query((rs, row) -> new MemberEmployment(rs.getLong("employer_id"), rs.getString("npp"),
                        rs.getString("name"), rs.getObject("start_date", java.time.LocalDate.class),
                        rs.getObject("end_date", java.time.LocalDate.class), rs.getString("job_title")))
                .list();
    }
}
