package id.jamsos.contribution.internal;

import id.jamsos.calendar.Calendar;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.Period;
import id.jamsos.common.Rate;
import id.jamsos.common.RiskClass;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.Basis;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.Contribution;
import id.jamsos.contribution.ContributionRule;
import id.jamsos.contribution.Contributions;
import id.jamsos.contribution.LatePenalty;
import id.jamsos.contribution.LatePenaltyRule;
import id.jamsos.contribution.Party;
import id.jamsos.contribution.Program;
import id.jamsos.contribution.RatesInForce;
import id.jamsos.contribution.ShareRate;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The rates in force for a month, read from the effective-dated tables: for each key the row with the latest
 * effective_from on or before the month's first day. Rates are kept per month: the billing run asks once per month
 * and then applies {@link ContributionRule} to every worker. The tables are append-only, so their row count is a
 * revision: a row added (on this instance or another) changes it, and the kept rates are dropped. The revision is
 * asked at most once per {@code jamsos.contribution.rates-check-interval} (default 1 s; a SNAP payment asked it twice,
 * for the arrears and for the settlement): a row added through {@link RateTables} drops the rates here at once, one
 * added on another instance is seen within the interval (rates are entered ahead of the month they start).
 */
@Service
class JdbcContributions implements Contributions {

    private final JdbcClient jdbc;
    private final Calendar calendar;
    private final Map<Period, RatesInForce> cache = new ConcurrentHashMap<>();
    private volatile long cachedRevision = -1;
    /** When the revision is next asked, on {@link System#nanoTime()}. */
    private volatile long nextCheck;
    private final long checkIntervalNanos;

    JdbcContributions(JdbcClient jdbc, Calendar calendar,
                      @Value("${jamsos.contribution.rates-check-interval:1s}") Duration checkInterval) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.checkIntervalNanos = checkInterval.toNanos();
        this.nextCheck = System.nanoTime();
    }

    @Override
    public RatesInForce ratesFor(Period period) {
        long now = System.nanoTime();
        if (cachedRevision == -1 || now - nextCheck >= 0) {
            long revision = revision();
            if (revision != cachedRevision) {
                cache.clear();
                cachedRevision = revision;
            }
            nextCheck = now + checkIntervalNanos;
        }
        RatesInForce rates = cache.get(period);
        if (rates == null) {
            rates = load(period);
            cache.put(period, rates);
        }
        return rates;
    }

    /** Drops the kept rates at once (an administrator added a row); the revision check would also notice. */
    void forgetRates() {
        cache.clear();
        cachedRevision = -1;
    }

    @Override
    public Contribution wageEarner(Period period, Rupiah wage, RiskClass riskClass) {
        return ContributionRule.wageEarner(ratesFor(period), wage, riskClass);
    }

    @Override
    public Contribution informal(Period period, Rupiah declaredIncome, Set<Program> programs) {
        return ContributionRule.informal(ratesFor(period), declaredIncome, programs);
    }

    @Override
    public LatePenalty latePenalty(Category category, Period period, Rupiah contribution, LocalDate paidOn) {
        if (contribution.isNegative()) {
            throw new InvalidValue("contribution.amount.negative");
        }
        Rate perMonth = ratesFor(period).latePenaltyPerMonth();
        return LatePenaltyRule.penalty(category, period, contribution, paidOn, calendar.workingDays(), perMonth);
    }

    @Override
    public LocalDate dueDate(Category category, Period period) {
        return LatePenaltyRule.dueDate(category, period, calendar.workingDays());
    }

    /** The first month for which every table has a row: before it, nothing can be computed. */
    Optional<Period> earliestPeriod() {
        return jdbc.sql("""
                        SELECT greatest((SELECT min(effective_from) FROM contribution.share_rate),
                                        (SELECT max(first) FROM (SELECT min(effective_from) AS first
                                                                   FROM contribution.jkk_rate GROUP BY risk_class) c),
                                        (SELECT min(effective_from) FROM contribution.jp_wage_ceiling),
                                        (SELECT min(effective_from) FROM contribution.bpu_income_bounds),
                                        (SELECT min(effective_from) FROM contribution.late_penalty_rate))""")
                .query(LocalDate.class).optional()
                // Rates are read on the first day of a month: a table starting mid-month serves the next month.
                .map(first -> first.getDayOfMonth() == 1 ? Period.of(first) : Period.of(first).next());
    }

    private RatesInForce load(Period period) {
        Period earliest = earliestPeriod().orElseThrow(() -> new IllegalStateException("no rates loaded"));
        if (period.isBefore(earliest)) {
            throw new InvalidValue("contribution.period.before-rates", earliest.toString());
        }
        LocalDate day = period.firstDay();
        return new RatesInForce(period, shares(day), jkkRates(day),
                Rupiah.of(latest("SELECT ceiling_rupiah FROM contribution.jp_wage_ceiling", day)),
                Rupiah.of(latest("SELECT minimum_rupiah FROM contribution.bpu_income_bounds", day)),
                Rupiah.of(latest("SELECT maximum_rupiah FROM contribution.bpu_income_bounds", day)),
                Rate.basisPoints((int) latest("SELECT rate_basis_points FROM contribution.late_penalty_rate", day)));
    }

    private List<ShareRate> shares(LocalDate day) {
        return jdbc.sql("""
                        SELECT DISTINCT ON (program, category, party)
                               program, category, party, basis, rate_basis_points, flat_amount_rupiah, legal_basis
                          FROM contribution.share_rate
                         WHERE effective_from <= :day
                         ORDER BY program, category, party, effective_from DESC""")
                .param("day", day)
                .query((rs, row) -> {
                    Integer basisPoints = rs.getObject("rate_basis_points", Integer.class);
                    Long flat = rs.getObject("flat_amount_rupiah", Long.class);
                    return new ShareRate(Program.valueOf(rs.getString("program")),
                            Category.valueOf(rs.getString("category")), Party.valueOf(rs.getString("party")),
                            basis(rs.getString("basis"), basisPoints),
                            basisPoints == null ? null : Rate.basisPoints(basisPoints),
                            flat == null ? null : Rupiah.of(flat), rs.getString("legal_basis"));
                })
                .list();
    }

    /** The wage earners' JKK share has no rate of its own: the employer's risk class decides it (jkk_rate). */
    static Basis basis(String column, Integer basisPoints) {
        Basis basis = Basis.valueOf(column.toUpperCase(Locale.ROOT));
        return basis == Basis.WAGE && basisPoints == null ? Basis.BY_RISK_CLASS : basis;
    }

    private Map<RiskClass, Rate> jkkRates(LocalDate day) {
        Map<RiskClass, Rate> rates = new HashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (risk_class) risk_class, rate_basis_points
                          FROM contribution.jkk_rate
                         WHERE effective_from <= :day
                         ORDER BY risk_class, effective_from DESC""")
                .param("day", day)
                .query(rs -> {
                    rates.put(RiskClass.of(rs.getInt("risk_class")), Rate.basisPoints(rs.getInt("rate_basis_points")));
                });
        return rates;
    }

    /** The value of the row in force on {@code day} of a table with one row per effective date. */
    private long latest(String select, LocalDate day) {
        return jdbc.sql(select + " WHERE effective_from <= :day ORDER BY effective_from DESC LIMIT 1")
                .param("day", day).query(Long.class).single();
    }

    private long revision() {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM contribution.share_rate) + (SELECT count(*) FROM contribution.jkk_rate)
                             + (SELECT count(*) FROM contribution.jp_wage_ceiling)
                             + (SELECT count(*) FROM contribution.bpu_income_bounds)
                             + (SELECT count(*) FROM contribution.late_penalty_rate)""")
                .query(Long.class).single();
    }
}
