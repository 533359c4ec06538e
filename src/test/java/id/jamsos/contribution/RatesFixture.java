package id.jamsos.contribution;

import id.jamsos.common.Period;
import id.jamsos.common.Rate;
import id.jamsos.common.RiskClass;
import id.jamsos.common.Rupiah;
import java.util.List;
import java.util.Map;

/** Rates in force as the regulations set them (RULES.md §2–§4), built by hand for the pure-rule tests. */
final class RatesFixture {

    private RatesFixture() {
    }

    static RatesInForce regulation(Period period, long jpCeiling) {
        return new RatesInForce(period, List.of(
                share(Program.JHT, Category.PU, Party.EMPLOYER, Basis.WAGE, 370),
                share(Program.JHT, Category.PU, Party.WORKER, Basis.WAGE, 200),
                share(Program.JP, Category.PU, Party.EMPLOYER, Basis.WAGE_CAPPED_JP, 200),
                share(Program.JP, Category.PU, Party.WORKER, Basis.WAGE_CAPPED_JP, 100),
                new ShareRate(Program.JKK, Category.PU, Party.EMPLOYER, Basis.BY_RISK_CLASS, null, null, "PP 44/2015"),
                share(Program.JKM, Category.PU, Party.EMPLOYER, Basis.WAGE, 30),
                share(Program.JKK, Category.BPU, Party.WORKER, Basis.DECLARED_INCOME, 100),
                new ShareRate(Program.JKM, Category.BPU, Party.WORKER, Basis.FLAT, null, Rupiah.of(6_800), "PP 44/2015"),
                share(Program.JHT, Category.BPU, Party.WORKER, Basis.DECLARED_INCOME, 200)),
                Map.of(RiskClass.of(1), Rate.basisPoints(24), RiskClass.of(2), Rate.basisPoints(54),
                        RiskClass.of(3), Rate.basisPoints(89), RiskClass.of(4), Rate.basisPoints(127),
                        RiskClass.of(5), Rate.basisPoints(174)),
                Rupiah.of(jpCeiling), Rupiah.of(1_000_000), Rupiah.of(20_700_000), Rate.basisPoints(200));
    }

    private static ShareRate share(Program program, Category category, Party party, Basis basis, int basisPoints) {
        return new ShareRate(program, category, party, basis, Rate.basisPoints(basisPoints), null, "test");
    }
}
