package id.jamsos.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.jamsos.common.InvalidValue;
import id.jamsos.common.Period;
import id.jamsos.common.RiskClass;
import id.jamsos.common.Rupiah;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The calculation of RULES.md §2–§3 on rates built in the test: every share rounded once, half up. */
class ContributionRuleTest {

    static final Period MARCH_2025 = Period.of(2025, 3);
    static final RatesInForce RATES = RatesFixture.regulation(MARCH_2025, 10_547_400);

    @Test
    void theRulesExampleWage12MillionRiskClass2() {
        Contribution c = ContributionRule.wageEarner(RATES, Rupiah.of(12_000_000), RiskClass.of(2));
        assertThat(c.lines()).containsExactly(
                line(Program.JHT, 444_000, 240_000), line(Program.JKK, 64_800, 0), line(Program.JKM, 36_000, 0),
                line(Program.JP, 210_948, 105_474));
        assertThat(c.employerTotal()).isEqualTo(Rupiah.of(755_748));
        assertThat(c.workerTotal()).isEqualTo(Rupiah.of(345_474));
        assertThat(c.total()).isEqualTo(Rupiah.of(1_101_222));
        assertThat(c.jpWageCeiling()).isEqualTo(Rupiah.of(10_547_400));
    }

    /** The JP shares use the wage up to the ceiling: one rupiah below, at, and above each year's ceiling. */
    @ParameterizedTest(name = "ceiling {0}")
    @CsvSource({"7000000", "7335300", "7703500", "8094000", "8512400", "8939700", "8754600", "9077600", "9559600",
            "10042300", "10547400", "11086300"})
    void jpIsCappedAtTheCeilingInForce(long ceiling) {
        RatesInForce rates = RatesFixture.regulation(MARCH_2025, ceiling);
        for (long wage : new long[] {ceiling - 1, ceiling, ceiling + 1, ceiling * 3}) {
            ContributionLine jp = ContributionRule.wageEarner(rates, Rupiah.of(wage), RiskClass.of(1)).lines().get(3);
            long capped = Math.min(wage, ceiling);
            assertThat(jp.employer()).as("wage %d", wage).isEqualTo(Rupiah.of((capped * 200 + 5_000) / 10_000));
            assertThat(jp.worker()).as("wage %d", wage).isEqualTo(Rupiah.of((capped * 100 + 5_000) / 10_000));
        }
        ContributionLine jht = ContributionRule.wageEarner(rates, Rupiah.of(ceiling * 3), RiskClass.of(1)).lines().get(0);
        assertThat(jht.worker()).as("JHT is never capped").isEqualTo(Rupiah.of((ceiling * 3 * 200 + 5_000) / 10_000));
    }

    @ParameterizedTest(name = "risk class {0}: {1} on Rp 12,345,678")
    @CsvSource({"1,29630", "2,66667", "3,109877", "4,156790", "5,214815"})
    void eachRiskClassHasItsJkkRate(int riskClass, long jkk) {
        // 12,345,678 × 0.24% = 29,629.63 → 29,630; × 0.54% = 66,666.66 → 66,667; × 0.89% = 109,876.53 → 109,877;
        // × 1.27% = 156,790.11 → 156,790; × 1.74% = 214,814.80 → 214,815.
        ContributionLine line = ContributionRule.wageEarner(RATES, Rupiah.of(12_345_678), RiskClass.of(riskClass))
                .lines().get(1);
        assertThat(line).isEqualTo(line(Program.JKK, jkk, 0));
    }

    /** Exact halves round up, anything below a half rounds down; totals add the rounded shares. */
    @ParameterizedTest(name = "wage {0}: JHT {1}+{2}, JKK {3}, JKM {4}, JP {5}+{6}")
    @CsvSource({
            "500,19,10,1,2,10,5",            // 18.5 → 19; 1.2 → 1; 1.5 → 2
            "499,18,10,1,1,10,5",            // 18.463 → 18; 9.98 → 10; 1.1976 → 1; 1.497 → 1; 4.99 → 5
            "625,23,13,2,2,13,6",            // 23.125; 12.5 → 13; 1.5 → 2; 1.875 → 2; 12.5 → 13; 6.25 → 6
            "624,23,12,1,2,12,6",            // 12.48 → 12; 1.4976 → 1
            "25,1,1,0,0,1,0",                // 0.925 → 1; 0.5 → 1; 0.06; 0.075; 0.5 → 1; 0.25
            "24,1,0,0,0,0,0",                // 0.888 → 1; 0.48 → 0
            "1000500,37019,20010,2401,3002,20010,10005"}) // 37,018.5 → 37,019; 2,401.2; 3,001.5 → 3,002
    void halfRupiahRoundsUpOncePerShare(long wage, long jhtEmployer, long jhtWorker, long jkk, long jkm,
                                        long jpEmployer, long jpWorker) {
        Contribution c = ContributionRule.wageEarner(RATES, Rupiah.of(wage), RiskClass.of(1));
        assertThat(c.lines()).containsExactly(line(Program.JHT, jhtEmployer, jhtWorker), line(Program.JKK, jkk, 0),
                line(Program.JKM, jkm, 0), line(Program.JP, jpEmployer, jpWorker));
        assertThat(c.employerTotal()).isEqualTo(Rupiah.of(jhtEmployer + jkk + jkm + jpEmployer));
        assertThat(c.workerTotal()).isEqualTo(Rupiah.of(jhtWorker + jpWorker));
    }

    @Test
    void aNegativeWageIsRefused() {
        assertThatThrownBy(() -> ContributionRule.wageEarner(RATES, Rupiah.of(-1), RiskClass.of(1)))
                .isInstanceOf(InvalidValue.class).hasMessage("contribution.wage.negative");
    }

    @ParameterizedTest(name = "declared income {0} accepted: {1}")
    @CsvSource({"999999,false", "1000000,true", "20700000,true", "20700001,false"})
    void theBpuBoundsAreInclusive(long income, boolean accepted) {
        if (accepted) {
            assertThat(ContributionRule.informal(RATES, Rupiah.of(income), Set.of()).lines()).hasSize(2);
        } else {
            assertThatThrownBy(() -> ContributionRule.informal(RATES, Rupiah.of(income), Set.of()))
                    .isInstanceOf(InvalidValue.class).hasMessage("contribution.declared-income.bounds");
        }
    }

    @Test
    void theMinimumBpuPackageIs16800AndJhtIsAddedWhenChosen() {
        Contribution minimum = ContributionRule.informal(RATES, Rupiah.of(1_000_000), Set.of());
        assertThat(minimum.lines()).containsExactly(line(Program.JKK, 0, 10_000), line(Program.JKM, 0, 6_800));
        assertThat(minimum.total()).isEqualTo(Rupiah.of(16_800));
        Contribution withJht = ContributionRule.informal(RATES, Rupiah.of(2_500_000), EnumSet.of(Program.JHT));
        assertThat(withJht.lines()).containsExactly(line(Program.JHT, 0, 50_000), line(Program.JKK, 0, 25_000),
                line(Program.JKM, 0, 6_800));
        assertThat(withJht.employerTotal()).isEqualTo(Rupiah.ZERO);
        assertThat(withJht.jpWageCeiling()).isNull();
        // 1,000,050 × 1% = 10,000.5 → 10,001: the same half-up rule for informal workers.
        assertThat(ContributionRule.informal(RATES, Rupiah.of(1_000_050), Set.of()).lines().get(0).worker())
                .isEqualTo(Rupiah.of(10_001));
    }

    @Test
    void jpIsNotOpenToInformalWorkers() {
        assertThatThrownBy(() -> ContributionRule.informal(RATES, Rupiah.of(2_000_000), EnumSet.of(Program.JP)))
                .isInstanceOf(InvalidValue.class).hasMessage("contribution.programs.bpu");
    }

    private static ContributionLine line(Program program, long employer, long worker) {
        return new ContributionLine(program, Rupiah.of(employer), Rupiah.of(worker));
    }
}
