package id.jamsos.contribution;

import id.jamsos.common.Period;
import id.jamsos.common.Rate;
import id.jamsos.common.RiskClass;
import id.jamsos.common.Rupiah;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every rate and amount in force on the first day of a contribution month, read from the effective-dated tables. The
 * calculation takes all its numbers from here; none are written in code.
 *
 * @param shares              the rows of the rate table in force (program × category × party)
 * @param jkkByRiskClass      the employer's JKK rate per risk class
 * @param jpWageCeiling       the JP wage ceiling
 * @param bpuIncomeMinimum    the lowest declared income a BPU member may choose
 * @param bpuIncomeMaximum    the highest
 * @param latePenaltyPerMonth the PU late penalty per month or part of a month late
 */
public record RatesInForce(Period period, List<ShareRate> shares, Map<RiskClass, Rate> jkkByRiskClass,
                           Rupiah jpWageCeiling, Rupiah bpuIncomeMinimum, Rupiah bpuIncomeMaximum,
                           Rate latePenaltyPerMonth) {

    public RatesInForce {
        shares = List.copyOf(shares);
        jkkByRiskClass = Map.copyOf(jkkByRiskClass);
    }

    public Optional<ShareRate> share(Program program, Category category, Party party) {
        return shares.stream()
                .filter(s -> s.program() == program && s.category() == category && s.party() == party)
                .findFirst();
    }

    public Rate jkk(RiskClass riskClass) {
        Rate rate = jkkByRiskClass.get(riskClass);
        if (rate == null) {
            throw new IllegalStateException("no JKK rate for risk class " + riskClass + " in " + period);
        }
        return rate;
    }
}
