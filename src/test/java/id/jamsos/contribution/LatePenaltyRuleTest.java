package id.jamsos.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.common.Period;
import id.jamsos.common.Rate;
import id.jamsos.common.Rupiah;
import id.jamsos.common.WorkingDays;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Due dates, months late and penalties (RULES.md §4) on a calendar built in the test. */
class LatePenaltyRuleTest {

    static final WorkingDays NO_HOLIDAYS = new WorkingDays(Set.of());
    static final Rate TWO_PERCENT = Rate.basisPoints(200);

    @ParameterizedTest(name = "{0} {1} is due {2}")
    @CsvSource({
            "PU,2025-03,2025-04-15",   // Tuesday
            "PU,2025-02,2025-03-17",   // the 15th is a Saturday → Monday
            "PU,2025-05,2025-06-16",   // the 15th is a Sunday → Monday
            "BPU,2025-03,2025-03-17",  // BPU: the 15th of the month itself, a Saturday → Monday
            "BPU,2025-04,2025-04-15",
            "PU,2024-12,2025-01-15"})  // across the year end
    void dueDatesMovePastWeekends(String category, String period, String due) {
        assertThat(LatePenaltyRule.dueDate(Category.valueOf(category), Period.parse(period), NO_HOLIDAYS))
                .isEqualTo(LocalDate.parse(due));
    }

    @ParameterizedTest(name = "{1} holidays {2}: due {3}")
    @CsvSource({
            "PU,2025-03,2025-04-15,2025-04-16",                 // the due day itself is a holiday
            "PU,2024-10,2024-11-15,2024-11-18",                 // a Friday holiday before a weekend
            "PU,2025-02,2025-03-17,2025-03-18",                 // the Monday after a Saturday 15th is a holiday
            "PU,2025-03,2025-04-15 2025-04-16 2025-04-17,2025-04-18"}) // joint leave: three days in a row
    void dueDatesMovePastHolidays(String category, String period, String holidays, String due) {
        WorkingDays calendar = new WorkingDays(Set.of(holidays.split(" ")).stream().map(LocalDate::parse)
                .collect(java.util.stream.Collectors.toSet()));
        assertThat(LatePenaltyRule.dueDate(Category.valueOf(category), Period.parse(period), calendar))
                .isEqualTo(LocalDate.parse(due));
    }

    @ParameterizedTest(name = "due {0}, paid {1}: {2} months late")
    @CsvSource({
            "2025-04-15,2025-03-20,0",  // paid early
            "2025-04-15,2025-04-14,0",
            "2025-04-15,2025-04-15,0",  // on the due date
            "2025-04-15,2025-04-16,1",  // the next day
            "2025-04-15,2025-05-15,1",  // the same day a month later
            "2025-04-15,2025-05-16,2",  // the day after
            "2025-04-15,2025-06-15,2",
            "2025-04-15,2025-06-16,3",
            "2025-04-15,2026-04-15,12",
            "2025-04-15,2026-04-16,13",
            "2025-01-31,2025-02-28,1",  // a step ending on a day the month lacks ends on its last day
            "2025-01-31,2025-03-01,2"})
    void monthsLateCountsTheMonthlyStepsStarted(String due, String paid, int months) {
        assertThat(LatePenaltyRule.monthsLate(LocalDate.parse(due), LocalDate.parse(paid))).isEqualTo(months);
    }

    @ParameterizedTest(name = "PU {0} paid {1}: {2} months, penalty {3}")
    @CsvSource({
            "1000000,2025-04-15,0,0",
            "1000000,2025-04-16,1,20000",
            "1000000,2025-05-16,2,40000",       // the example
            "1000000,2025-06-16,3,60000",
            "25,2025-04-16,1,1",                 // 0.5 → 1: rounded half up, once
            "24,2025-04-16,1,0",                 // 0.48 → 0
            "1101222,2025-05-16,2,44049"})       // 44,048.88 → 44,049
    void thePuPenaltyIsTheRatePerMonthRoundedOnce(long contribution, String paid, int months, long penalty) {
        LatePenalty late = LatePenaltyRule.penalty(Category.PU, Period.of(2025, 3), Rupiah.of(contribution),
                LocalDate.parse(paid), NO_HOLIDAYS, TWO_PERCENT);
        assertThat(late).isEqualTo(new LatePenalty(LocalDate.of(2025, 4, 15), months, Rupiah.of(penalty)));
    }

    @Test
    void informalWorkersPayNoPenalty() {
        LatePenalty late = LatePenaltyRule.penalty(Category.BPU, Period.of(2025, 3), Rupiah.of(1_000_000),
                LocalDate.of(2025, 9, 1), NO_HOLIDAYS, TWO_PERCENT);
        assertThat(late.dueDate()).isEqualTo(LocalDate.of(2025, 3, 17));
        assertThat(late.monthsLate()).isEqualTo(6);
        assertThat(late.penalty()).isEqualTo(Rupiah.ZERO);
    }
}
