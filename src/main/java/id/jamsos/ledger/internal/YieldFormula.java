package id.jamsos.ledger.internal;

import id.jamsos.common.Rate;
import id.jamsos.common.Rupiah;

/**
 * The monthly-rest yield of RULES.md §5: Σ over the twelve months of B(m) × rate / 12, rounded half up once. With
 * S = Σ B(m) and the rate in basis points that is S × bp / 120 000. {@code Rupiah.share} divides by 10 000 only, so
 * the division by 12 cannot go through it without rounding twice; the one rounding happens here instead, in exact
 * long arithmetic (overflow throws): (S × bp + 60 000) / 120 000. The crediting job computes the same in SQL
 * ({@link #SQL}, bigint arithmetic, which raises on overflow as {@code Math.multiplyExact} throws); a test holds the
 * two to the same figures.
 */
final class YieldFormula {

    private static final long PER_YEAR = 12L * 10_000L;

    /** The same formula over a bigint {@code s} (Σ B(m)) and an integer {@code bp} (basis points) in SQL. */
    static final String SQL = "CASE WHEN s <= 0 THEN 0 ELSE (s * bp + " + PER_YEAR / 2 + ") / " + PER_YEAR + " END";

    private YieldFormula() {
    }

    static Rupiah monthlyRest(long sumOfMonthEndBalances, Rate rate) {
        if (sumOfMonthEndBalances <= 0) {
            return Rupiah.ZERO;
        }
        long scaled = Math.multiplyExact(sumOfMonthEndBalances, (long) rate.basisPoints());
        return Rupiah.of(Math.addExact(scaled, PER_YEAR / 2) / PER_YEAR);
    }
}
