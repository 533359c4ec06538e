package id.jamsos.membership;

import id.jamsos.common.InvalidValue;
import id.jamsos.common.Rate;
import id.jamsos.common.Rupiah;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tests only: the contribution quote with the fixed rates of RULES.md §2 (PU) and §3 (BPU), so the wizard's amounts
 * can be checked without the contribution module's rate tables. A component (found by scanning the test classes),
 * not a per-class {@code @TestConfiguration}, so every integration test keeps the one shared context; ordered first,
 * so the wizard uses it even beside the contribution module's own implementation.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FixedContributionQuote implements ContributionQuote {

    static final Rupiah JP_CEILING = Rupiah.of(10_547_400);
    static final Rupiah BPU_LOWEST = Rupiah.of(1_000_000);
    static final Rupiah BPU_HIGHEST = Rupiah.of(20_700_000);

    @Override
    public List<Line> monthly(MemberCategory category, Rupiah amount, List<String> programs, LocalDate on) {
        return category == MemberCategory.PU ? wageEarner(amount) : informal(amount, programs);
    }

    private static List<Line> wageEarner(Rupiah wage) {
        return List.of(
                new Line("JHT", wage.share(Rate.basisPoints(370)), wage.share(Rate.basisPoints(200))),
                new Line("JKK", null, Rupiah.ZERO),
                new Line("JKM", wage.share(Rate.basisPoints(30)), Rupiah.ZERO),
                new Line("JP", wage.min(JP_CEILING).share(Rate.basisPoints(200)),
                        wage.min(JP_CEILING).share(Rate.basisPoints(100))));
    }

    private static List<Line> informal(Rupiah income, List<String> programs) {
        if (income.compareTo(BPU_LOWEST) < 0 || income.isGreaterThan(BPU_HIGHEST)) {
            throw new InvalidValue("membership.work.income-outside", BPU_LOWEST.formatted(), BPU_HIGHEST.formatted());
        }
        List<Line> lines = new ArrayList<>();
        if (programs.contains("JHT")) {
            lines.add(new Line("JHT", Rupiah.ZERO, income.share(Rate.basisPoints(200))));
        }
        lines.add(new Line("JKK", Rupiah.ZERO, income.share(Rate.basisPoints(100))));
        lines.add(new Line("JKM", Rupiah.ZERO, Rupiah.of(6_800)));
        return lines;
    }
}
