package id.jamsos.contribution;

import id.jamsos.common.InvalidValue;
import id.jamsos.common.RiskClass;
import id.jamsos.common.Rupiah;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The contribution of one worker for one month (RULES.md §2–§3), computed from the rates in force on the first day
 * of that month. Every share — program × party — is rounded once, half up, to whole rupiah ({@link Rupiah#share});
 * totals are sums of rounded shares. This is the one place the rule lives: the simulators, the activation wizard and
 * the monthly billing run all call it.
 */
public final class ContributionRule {

    /** BPU: JKK and JKM are mandatory; JHT is the member's choice; JP is not open to informal workers (RULES.md §1). */
    public static final Set<Program> BPU_MANDATORY = EnumSet.of(Program.JKK, Program.JKM);
    public static final Set<Program> BPU_AVAILABLE = EnumSet.of(Program.JHT, Program.JKK, Program.JKM);

    private ContributionRule() {
    }

    /** A wage earner (PU): JHT, JKK (by the employer's risk class), JKM and JP on the wage capped at the JP ceiling. */
    public static Contribution wageEarner(RatesInForce rates, Rupiah wage, RiskClass riskClass) {
        if (wage.isNegative()) {
            throw new InvalidValue("contribution.wage.negative");
        }
        List<ContributionLine> lines = new ArrayList<>();
        for (Program program : Program.values()) {
            Optional<ShareRate> employer = rates.share(program, Category.PU, Party.EMPLOYER);
            Optional<ShareRate> worker = rates.share(program, Category.PU, Party.WORKER);
            if (employer.isPresent() || worker.isPresent()) {
                lines.add(new ContributionLine(program,
                        employer.map(s -> amount(s, rates, wage, riskClass)).orElse(Rupiah.ZERO),
                        worker.map(s -> amount(s, rates, wage, riskClass)).orElse(Rupiah.ZERO)));
            }
        }
        return new Contribution(Category.PU, rates.period(), lines, wage, rates.jpWageCeiling());
    }

    /**
     * An informal worker (BPU) on a declared income within the bounds in force: JKK and JKM always, JHT when chosen;
     * the member pays every share, so amounts are in the worker column.
     */
    public static Contribution informal(RatesInForce rates, Rupiah declaredIncome, Set<Program> chosen) {
        if (declaredIncome.compareTo(rates.bpuIncomeMinimum()) < 0
                || declaredIncome.compareTo(rates.bpuIncomeMaximum()) > 0) {
            throw new InvalidValue("contribution.declared-income.bounds", rates.bpuIncomeMinimum().formatted(),
                    rates.bpuIncomeMaximum().formatted());
        }
        if (!BPU_AVAILABLE.containsAll(chosen)) {
            throw new InvalidValue("contribution.programs.bpu");
        }
        Set<Program> programs = EnumSet.copyOf(BPU_MANDATORY);
        programs.addAll(chosen);
        List<ContributionLine> lines = new ArrayList<>();
        for (Program program : Program.values()) {
            if (programs.contains(program)) {
                ShareRate share = rates.share(program, Category.BPU, Party.WORKER).orElseThrow(() ->
                        new IllegalStateException("no BPU rate for " + program + " in " + rates.period()));
                lines.add(new ContributionLine(program, Rupiah.ZERO, amount(share, rates, declaredIncome, null)));
            }
        }
        return new Contribution(Category.BPU, rates.period(), lines, declaredIncome, null);
    }

    private static Rupiah amount(ShareRate share, RatesInForce rates, Rupiah basis, RiskClass riskClass) {
        return switch (share.basis()) {
            case WAGE, DECLARED_INCOME -> basis.share(share.rate());
            case WAGE_CAPPED_JP -> basis.min(rates.jpWageCeiling()).share(share.rate());
            case BY_RISK_CLASS -> basis.share(rates.jkk(riskClass));
            case FLAT -> share.flatAmount();
        };
    }
}
