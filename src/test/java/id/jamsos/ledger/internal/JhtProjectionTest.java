package id.jamsos.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.jamsos.common.InvalidValue;
import id.jamsos.common.Period;
import id.jamsos.common.Rate;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.Category;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class JhtProjectionTest {

    static final List<JhtProjection.PensionAgeRow> AGES = JhtProjection.load();
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    static JhtProjection.Basis basis(long balance, long wage, LocalDate born) {
        return new JhtProjection.Basis(Rupiah.of(balance), Rupiah.of(wage), Category.PU, Rate.basisPoints(370),
                Rate.basisPoints(200), born, TODAY);
    }

    @Test
    void pensionAgeComesFromTheDataFileAndStaysAt65FromTheCap() {
        assertThat(JhtProjection.pensionAge(AGES, 2015)).isEqualTo(56);
        assertThat(JhtProjection.pensionAge(AGES, 2026)).isEqualTo(59);
        assertThat(JhtProjection.pensionAge(AGES, 2028)).isEqualTo(60);
        assertThat(JhtProjection.pensionAge(AGES, 2043)).isEqualTo(65);
        assertThat(JhtProjection.pensionAge(AGES, 2090)).isEqualTo(65);
    }

    @Test
    void projectsEachYearByTheMonthlyRestMethodUpToThePensionMonth() {
        JhtProjection.Projection p = JhtProjection.project(basis(1_000_000, 5_000_000, LocalDate.of(1990, 6, 15)),
                Rate.basisPoints(1_000), AGES);
        // Born 1990: 65 in 2055, the first year whose age reaches that year's pension age (65 from 2043).
        assertThat(p.pensionAge()).isEqualTo(65);
        assertThat(p.pensionMonth()).isEqualTo(Period.of(2055, 6));
        assertThat(p.basis().monthly()).isEqualTo(Rupiah.of(285_000)); // 3.7 % + 2 % of 5,000,000
        assertThat(p.years()).hasSize(30);
        // December 2026: no month left to pay; 12 month-ends of 1,000,000 at 10 %: (12,000,000 × 1000 + 60,000) / 120,000.
        JhtProjection.Year first = p.years().get(0);
        assertThat(first.contributions()).isEqualTo(Rupiah.ZERO);
        assertThat(first.yield()).isEqualTo(Rupiah.of(100_000));
        assertThat(first.closing()).isEqualTo(Rupiah.of(1_100_000));
        // 2027: month-ends 1,100,000 + 285,000 m; Σ = 35,430,000 → yield 295,250.
        JhtProjection.Year second = p.years().get(1);
        assertThat(second.age()).isEqualTo(37);
        assertThat(second.contributions()).isEqualTo(Rupiah.of(3_420_000));
        assertThat(second.yield()).isEqualTo(Rupiah.of(295_250));
        assertThat(second.closing()).isEqualTo(Rupiah.of(4_815_250));
        JhtProjection.Year last = p.years().get(29);
        assertThat(last.year()).isEqualTo(2055);
        assertThat(last.contributions()).isEqualTo(Rupiah.of(5 * 285_000)); // January to May
        assertThat(p.atPension()).isEqualTo(last.closing());
    }

    @Test
    void withoutYieldTheBalanceIsTodaysPlusEveryMonthsContribution() {
        JhtProjection.Projection p = JhtProjection.project(basis(1_000_000, 5_000_000, LocalDate.of(1990, 6, 15)),
                Rate.basisPoints(0), AGES);
        // January 2027 to May 2055: 28 × 12 + 5 = 341 months.
        assertThat(p.atPension()).isEqualTo(Rupiah.of(1_000_000 + 341L * 285_000));
    }

    @Test
    void aMemberPastPensionAgeKeepsTodaysBalance() {
        JhtProjection.Projection p = JhtProjection.project(basis(7_000_000, 5_000_000, LocalDate.of(1960, 1, 5)),
                Rate.basisPoints(600), AGES);
        assertThat(p.reached()).isTrue();
        assertThat(p.atPension()).isEqualTo(Rupiah.of(7_000_000));
    }

    @Test
    void theYieldTypedIsZeroToFifteenPercentWithAtMostTwoDecimals() {
        assertThat(JhtProjection.parseYield("6,5")).isEqualTo(Rate.basisPoints(650));
        assertThat(JhtProjection.parseYield("15")).isEqualTo(Rate.basisPoints(1_500));
        assertThat(JhtProjection.parseYield("0")).isEqualTo(Rate.basisPoints(0));
        for (String bad : new String[] {"15,01", "-1", "abc", "", "6,555", "100"}) {
            assertThatThrownBy(() -> JhtProjection.parseYield(bad)).as(bad).isInstanceOf(InvalidValue.class)
                    .extracting(e -> ((InvalidValue) e).messageKey()).isEqualTo("jht.projection.yield-invalid");
        }
    }
}
