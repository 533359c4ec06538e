package id.jamsos.membership.internal;

import id.jamsos.common.Rupiah;
import id.jamsos.membership.ContributionQuote;
import java.util.List;
import java.util.Objects;

/**
 * The monthly contribution shown while a worker chooses: the lines of {@link ContributionQuote} and their sums.
 * {@code employerTotal} is null when a share depends on the employer's risk class.
 */
public record Quote(List<ContributionQuote.Line> lines, Rupiah workerTotal, Rupiah employerTotal) {

    static Quote of(List<ContributionQuote.Line> lines) {
        Rupiah worker = lines.stream().map(ContributionQuote.Line::worker).reduce(Rupiah.ZERO, Rupiah::plus);
        boolean employerKnown = lines.stream().map(ContributionQuote.Line::employer).allMatch(Objects::nonNull);
        Rupiah employer = employerKnown
                ? lines.stream().map(ContributionQuote.Line::employer).reduce(Rupiah.ZERO, Rupiah::plus) : null;
        return new Quote(List.copyOf(lines), worker, employer);
    }

    /** Whether any employer share waits for the employer's risk class. */
    public boolean dependsOnRiskClass() {
        return employerTotal == null;
    }
}
