package id.jamsos.contribution.internal;

import id.jamsos.common.InvalidValue;
import id.jamsos.common.Period;
import id.jamsos.common.RiskClass;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.Contribution;
import id.jamsos.contribution.Contributions;
import id.jamsos.contribution.Program;
import id.jamsos.membership.ContributionQuote;
import id.jamsos.membership.MemberCategory;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The monthly contribution the activation wizard shows as the worker chooses, from the same rule and rates as bills.
 * Membership asks through its own interface, so it needs nothing of this module (this module depends on it).
 */
@Component
class MembershipQuote implements ContributionQuote {

    private final Contributions contributions;

    MembershipQuote(Contributions contributions) {
        this.contributions = contributions;
    }

    @Override
    public List<Line> monthly(MemberCategory category, Rupiah amount, List<String> programs, LocalDate on) {
        Period period = Period.of(on);
        if (category == MemberCategory.PU) {
            // Only JKK depends on the employer's risk class, which the worker does not choose: its employer share is
            // left out (null) and every other line is the same at any class.
            Contribution contribution = contributions.wageEarner(period, amount, RiskClass.of(1));
            return contribution.lines().stream()
                    .map(line -> new Line(line.program().name(),
                            line.program() == Program.JKK ? null : line.employer(), line.worker()))
                    .toList();
        }
        Contribution contribution = contributions.informal(period, amount, programs(programs));
        return contribution.lines().stream()
                .map(line -> new Line(line.program().name(), line.employer(), line.worker()))
                .toList();
    }

    static Set<Program> programs(List<String> names) {
        Set<Program> programs = EnumSet.noneOf(Program.class);
        for (String name : names) {
            try {
                programs.add(Program.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new InvalidValue("contribution.programs.bpu");
            }
        }
        return programs;
    }
}
