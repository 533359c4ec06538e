package id.jamsos.ledger.internal;

import id.jamsos.common.InvalidValue;
import id.jamsos.common.Period;
import id.jamsos.common.Rate;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.Contributions;
import id.jamsos.contribution.Party;
import id.jamsos.contribution.Program;
import id.jamsos.contribution.RatesInForce;
import id.jamsos.contribution.ShareRate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the JHT balance may grow to by pension age, on stated assumptions: from today's balance, the member's wage
 * (the latest the bills were computed from, or one they type) at the JHT rates in force today (PU: employer 3.7 % +
 * worker 2 %; BPU: the worker's 2 %, read from the rate table, never written here), every month from next month until
 * the month they reach pension age ({@code pension_age.csv}: 56 in 2015, one year more every three years, 65 from
 * 2043), and one yield rate for every year, credited by the monthly-rest method of RULES.md §5 (the pension year pro
 * rata up to the pension month). This year's months already past count today's balance. A projection, not a promise.
 */
@Service
public class JhtProjection {

    /** The yield a member may assume: 0–15 %. */
    public static final int MAX_YIELD_BASIS_POINTS = 1_500;
    /** How many of the latest known yearly rates the default assumption averages. */
    public static final int DEFAULT_YEARS = 5;
    /** The highest monthly wage a member may type (Rp 1 billion): a bound, not a rule of the scheme. */
    public static final long MAX_WAGE = 1_000_000_000L;

    /** The default yield: the average of the latest known years (published or declared; illustrative only if none). */
    public record Assumption(Rate yield, int fromYear, int toYear, boolean illustrative) {
    }

    /** What the projection starts from. */
    public record Basis(Rupiah balance, Rupiah wage, Category category, Rate employerRate, Rate workerRate,
                        LocalDate birthDate, LocalDate today) {
        public Rupiah monthly() {
            return wage.share(employerRate).plus(wage.share(workerRate));
        }
    }

    public record Year(int year, int age, Rupiah opening, Rupiah contributions, Rupiah yield, Rupiah closing) {
    }

    /** {@code pensionMonth} is the month the member reaches {@code pensionAge}; empty years when already reached. */
    public record Projection(Basis basis, Rate yield, int pensionAge, Period pensionMonth, List<Year> years,
                             Rupiah atPension) {
        public boolean reached() {
            return years.isEmpty();
        }
    }

    record PensionAgeRow(int fromYear, Integer toYear, int age) {
    }

    private final JdbcClient jdbc;
    private final Contributions contributions;
    private final List<PensionAgeRow> pensionAges = load();

    JhtProjection(JdbcClient jdbc, Contributions contributions) {
        this.jdbc = jdbc;
        this.contributions = contributions;
    }

    /** The latest wage the member's bills were computed from, and whether an employer paid it (PU) or they (BPU). */
    public record LatestWage(Rupiah wage, Category category) {
    }

    public Optional<LatestWage> latestWage(UUID memberId) {
        return jdbc.sql("""
                        SELECT wage, employer_id IS NOT NULL AS employed FROM ledger.jht_contribution
                        WHERE member_id = :m AND wage IS NOT NULL ORDER BY period DESC, bill_id DESC LIMIT 1""")
                .param("m", memberId)
                .query((rs, n) -> new LatestWage(Rupiah.of(rs.getLong("wage")),
                        rs.getBoolean("employed") ? Category.PU : Category.BPU))
                .optional();
    }

    public Assumption defaultYield() {
        List<Object[]> rows = jdbc.sql("""
                        SELECT DISTINCT ON (year) year, rate_basis_points, status = 'ILLUSTRATIVE' AS illustrative
                        FROM ledger.yield_rate ORDER BY year, created_at DESC, id DESC""")
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getInt(2), rs.getBoolean(3)}).list();
        List<Object[]> known = rows.stream().filter(r -> !(Boolean) r[2]).toList();
        boolean illustrative = known.isEmpty();
        List<Object[]> used = illustrative ? rows : known;
        if (used.isEmpty()) {
            return new Assumption(Rate.basisPoints(0), 0, 0, true);
        }
        used = used.subList(Math.max(0, used.size() - DEFAULT_YEARS), used.size());
        long sum = used.stream().mapToLong(r -> (Integer) r[1]).sum();
        // The average in basis points, rounded half up once.
        int average = (int) ((sum * 2 + used.size()) / (2L * used.size()));
        return new Assumption(Rate.basisPoints(average), (Integer) used.get(0)[0],
                (Integer) used.get(used.size() - 1)[0], illustrative);
    }

    /** The JHT rates in force this month for the category (no row: that party pays nothing). */
    public Basis basis(Rupiah balance, Rupiah wage, Category category, LocalDate birthDate, LocalDate today) {
        if (wage.value() <= 0 || wage.value() > MAX_WAGE) {
            throw new InvalidValue("jht.projection.wage-invalid");
        }
        RatesInForce rates = contributions.ratesFor(Period.of(today));
        return new Basis(balance, wage, category, rate(rates, category, Party.EMPLOYER),
                rate(rates, category, Party.WORKER), birthDate, today);
    }

    private static Rate rate(RatesInForce rates, Category category, Party party) {
        return rates.share(Program.JHT, category, party).map(ShareRate::rate).orElse(Rate.basisPoints(0));
    }

    /** A typed yield such as {@code 6,5} or {@code 6.50%}: 0–15 % with at most two decimals. */
    public static Rate parseYield(String typed) {
        Rate rate;
        try {
            rate = Rate.parsePercent(typed);
        } catch (InvalidValue e) {
            throw new InvalidValue("jht.projection.yield-invalid");
        }
        if (rate.basisPoints() > MAX_YIELD_BASIS_POINTS) {
            throw new InvalidValue("jht.projection.yield-invalid");
        }
        return rate;
    }

    public Projection project(Basis basis, Rate yield) {
        return project(basis, yield, pensionAges);
    }

    static Projection project(Basis basis, Rate yield, List<PensionAgeRow> pensionAges) {
        LocalDate born = basis.birthDate();
        int year = basis.today().getYear();
        int pensionYear = year;
        while (pensionYear - born.getYear() < pensionAge(pensionAges, pensionYear)) {
            pensionYear++;
        }
        int age = pensionAge(pensionAges, pensionYear);
        Period pensionMonth = Period.of(pensionYear, born.getMonthValue());
        Period now = Period.of(basis.today());
        List<Year> years = new ArrayList<>();
        long balance = basis.balance().value();
        if (pensionMonth.compareTo(now) <= 0) {
            return new Projection(basis, yield, age, pensionMonth, years, basis.balance());
        }
        long monthly = basis.monthly().value();
        for (int y = year; y <= pensionYear; y++) {
            long opening = balance;
            long paid = 0;
            long sumOfMonthEnds = 0;
            // The pension year counts up to the month before the pension month: yield pro rata, no contribution after.
            int lastMonth = y == pensionYear ? pensionMonth.month().getMonthValue() - 1 : 12;
            for (int m = 1; m <= lastMonth; m++) {
                if (y > year || m > now.month().getMonthValue()) {
                    balance = Math.addExact(balance, monthly);
                    paid = Math.addExact(paid, monthly);
                }
                sumOfMonthEnds = Math.addExact(sumOfMonthEnds, balance);
            }
            long credited = YieldFormula.monthlyRest(sumOfMonthEnds, yield).value();
            balance = Math.addExact(balance, credited);
            years.add(new Year(y, y - born.getYear(), Rupiah.of(opening), Rupiah.of(paid), Rupiah.of(credited),
                    Rupiah.of(balance)));
        }
        return new Projection(basis, yield, age, pensionMonth, years, Rupiah.of(balance));
    }

    static int pensionAge(List<PensionAgeRow> rows, int year) {
        for (PensionAgeRow row : rows) {
            if (year >= row.fromYear() && (row.toYear() == null || year <= row.toYear())) {
                return row.age();
            }
        }
        return rows.get(0).age(); // before the table: the first age (56, PP 45/2015)
    }

    static List<PensionAgeRow> load() {
        String file = YieldRates.FOLDER + "pension_age.csv";
        try (InputStream in = JhtProjection.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing data file " + file);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().skip(1)
                    .filter(line -> !line.isBlank()).map(line -> line.split(",", 4))
                    .map(r -> new PensionAgeRow(Integer.parseInt(r[0]), r[1].isBlank() ? null : Integer.parseInt(r[1]),
                            Integer.parseInt(r[2])))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
