package id.jamsos.contribution;

import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import java.util.List;

/**
 * One worker's contribution for one month: a line per program that applies, in {@link Program} order, and the
 * basis it was computed on. Totals are sums of the rounded shares (RULES.md §2), never rounded again.
 *
 * @param wage          the monthly wage (PU) or declared income (BPU)
 * @param jpWageCeiling the JP wage ceiling in force on the first day of the month (PU only, otherwise null)
 */
public record Contribution(Category category, Period period, List<ContributionLine> lines, Rupiah wage,
                           Rupiah jpWageCeiling) {

    public Contribution {
        lines = List.copyOf(lines);
    }

    public Rupiah employerTotal() {
        return lines.stream().map(ContributionLine::employer).reduce(Rupiah.ZERO, Rupiah::plus);
    }

    public Rupiah workerTotal() {
        return lines.stream().map(ContributionLine::worker).reduce(Rupiah.ZERO, Rupiah::plus);
    }

    public Rupiah total() {
        return employerTotal().plus(workerTotal());
    }
}
