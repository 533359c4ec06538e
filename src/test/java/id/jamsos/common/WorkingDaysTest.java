package id.jamsos.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    /** Christmas 2026 is a Friday; 24 December is joint leave in this example table. */
    final WorkingDays days = new WorkingDays(Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 24),
            LocalDate.of(2027, 1, 1)));

    @Test
    void fiveWorkingDaysFromAMondayIsTheNextMonday() {
        assertThat(days.plus(LocalDate.of(2026, 11, 23), 5)).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void weekendsAndHolidaysAreNotCounted() {
        // Mon 21 Dec → 22, 23, (24, 25 holidays, 26–27 weekend) 28, 29, 30
        assertThat(days.plus(LocalDate.of(2026, 12, 21), 5)).isEqualTo(LocalDate.of(2026, 12, 30));
        // Wed 30 Dec → 31, (1 Jan holiday, 2–3 weekend) 4, 5, 6, 7
        assertThat(days.plus(LocalDate.of(2026, 12, 30), 5)).isEqualTo(LocalDate.of(2027, 1, 7));
    }

    @Test
    void anApplicationSentOnASaturdayCountsFromMonday() {
        assertThat(days.plus(LocalDate.of(2026, 11, 28), 1)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(days.plus(LocalDate.of(2026, 11, 28), 0)).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void countsWorkingDaysBetweenTwoDates() {
        assertThat(days.between(LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 30))).isEqualTo(5);
        assertThat(days.between(LocalDate.of(2026, 12, 30), LocalDate.of(2026, 12, 21))).isEqualTo(-5);
        assertThat(days.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 12, 28))).isTrue();
    }
}
