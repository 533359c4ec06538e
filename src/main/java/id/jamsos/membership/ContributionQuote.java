package id.jamsos.membership;

import id.jamsos.common.Rupiah;
import java.time.LocalDate;
import java.util.List;

/**
 * What the activation wizard asks to show a worker their monthly contribution while they choose. The contribution
 * module implements it (membership cannot call that module: contributions depend on members, and a cycle is
 * refused); without an implementation the wizard shows no amount and accepts any positive wage or income.
 */
public interface ContributionQuote {

    /**
     * The monthly contribution of one worker, program by program, at the rates in force on {@code on}.
     *
     * @param category PU or BPU
     * @param amount   the monthly wage (PU) or the declared monthly income (BPU)
     * @param programs the programs, as {@link MemberCategory#programs(boolean)} names them
     * @throws id.jamsos.common.InvalidValue when the amount is one the scheme does not accept (a BPU declared income
     *                                       outside the bounds of RULES.md §3), with the implementation's message key
     *                                       and arguments
     */
    List<Line> monthly(MemberCategory category, Rupiah amount, List<String> programs, LocalDate on);

    /**
     * One program's monthly shares, each rounded once. {@code employer} is null where it depends on the employer's
     * risk class (JKK for PU, RULES.md §2), and zero for a BPU member, who pays alone.
     */
    record Line(String program, Rupiah employer, Rupiah worker) {
    }
}
