package id.jamsos.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.common.Rupiah;
import id.jamsos.membership.ContributionQuote;
import id.jamsos.membership.MemberCategory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The wizard shows a contribution only when the contribution module offers quotes, and never fails without one. */
class ActivationQuoteTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T03:00:00Z"), ZoneOffset.UTC);
    static final Work INFORMAL = Work.informal("Penjahit", "Rumah", Rupiah.of(2_000_000), true);

    @Test
    void withoutAnImplementationThereIsNoQuote() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        assertThat(activation(beans).quote(INFORMAL)).isEmpty();
    }

    @Test
    void anImplementationIsAskedWithTheCategoryBasisProgramsAndTodayInJakarta() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        ContributionQuote quote = (category, amount, programs, on) -> {
            assertThat(category).isEqualTo(MemberCategory.BPU);
            assertThat(amount).isEqualTo(Rupiah.of(2_000_000));
            assertThat(programs).containsExactly("JHT", "JKK", "JKM");
            assertThat(on).hasToString("2026-03-02");
            return List.of(new ContributionQuote.Line("JKK", Rupiah.ZERO, Rupiah.of(20_000)),
                    new ContributionQuote.Line("JKM", Rupiah.ZERO, Rupiah.of(6_800)));
        };
        beans.addBean("quote", quote);
        Quote shown = activation(beans).quote(INFORMAL).orElseThrow();
        assertThat(shown.workerTotal()).isEqualTo(Rupiah.of(26_800));
        assertThat(shown.employerTotal()).isEqualTo(Rupiah.ZERO);
        assertThat(shown.dependsOnRiskClass()).isFalse();
    }

    @Test
    void anEmployerShareThatWaitsForTheRiskClassLeavesTheEmployerTotalOpen() {
        Quote quote = Quote.of(List.of(new ContributionQuote.Line("JHT", Rupiah.of(185_000), Rupiah.of(100_000)),
                new ContributionQuote.Line("JKK", null, Rupiah.ZERO)));
        assertThat(quote.workerTotal()).isEqualTo(Rupiah.of(100_000));
        assertThat(quote.employerTotal()).isNull();
        assertThat(quote.dependsOnRiskClass()).isTrue();
    }

    private static Activation activation(StaticListableBeanFactory beans) {
        return new Activation(null, null, CLOCK, null, null, null, 5, null, beans.getBeanProvider(ContributionQuote.class));
    }
}
