package id.jamsos.contribution.internal;

import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.Contributions;
import id.jamsos.contribution.MonthsAhead;
import id.jamsos.contribution.Program;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Months ahead for informal workers, from their participation rows and the rates in force for each month. */
@Service
class JdbcMonthsAhead implements MonthsAhead {

    /** Nobody pays more than a year ahead (RULES.md §3: monthly, or 3, 6 or 12 months ahead). */
    private static final int MOST_MONTHS = 12;

    private record Enrolment(Rupiah declaredIncome, Set<Program> programs) {
    }

    private final JdbcClient jdbc;
    private final Contributions contributions;

    JdbcMonthsAhead(JdbcClient jdbc, Contributions contributions) {
        this.jdbc = jdbc;
        this.contributions = contributions;
    }

    @Override
    @Transactional(readOnly = true)
    public List<MonthAhead> monthsAhead(UUID memberId, LocalDate on, int months) {
        if (months < 1 || months > MOST_MONTHS) {
            throw new IllegalArgumentException("months ahead outside 1.." + MOST_MONTHS + ": " + months);
        }
        Period after = Period.of(on);
        Optional<String> lastBilled = jdbc.sql("SELECT max(period) FROM contribution.bill WHERE member_id = :m")
                .param("m", memberId).query(String.class).optional();
        if (lastBilled.isPresent() && lastBilled.get() != null && Period.parse(lastBilled.get()).compareTo(after) > 0) {
            after = Period.parse(lastBilled.get());
        }
        List<MonthAhead> ahead = new ArrayList<>();
        Period month = after;
        for (int i = 0; i < months; i++) {
            month = month.next();
            Optional<Enrolment> enrolment = enrolment(memberId, month);
            if (enrolment.isEmpty()) {
                return List.of();
            }
            ahead.add(new MonthAhead(month, contributions.informal(month, enrolment.get().declaredIncome(),
                    enrolment.get().programs()).total()));
        }
        return ahead;
    }

    private Optional<Enrolment> enrolment(UUID memberId, Period month) {
        return jdbc.sql("""
                        SELECT declared_income, programs FROM contribution.participation
                         WHERE member_id = :m AND from_period <= :p ORDER BY from_period DESC LIMIT 1""")
                .param("m", memberId).param("p", month.toString())
                .query((rs, row) -> {
                    Set<Program> programs = EnumSet.noneOf(Program.class);
                    Arrays.stream(rs.getString("programs").split(",")).map(Program::valueOf).forEach(programs::add);
                    return new Enrolment(Rupiah.of(rs.getLong("declared_income")), programs);
                }).optional();
    }
}
