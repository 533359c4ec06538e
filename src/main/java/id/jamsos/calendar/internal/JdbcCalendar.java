package id.jamsos.calendar.internal;

import id.jamsos.calendar.Calendar;
import id.jamsos.common.WorkingDays;
import java.time.LocalDate;
import java.util.HashSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the holiday table; it holds a few dozen rows a year, so it is read whole. */
@Service
class JdbcCalendar implements Calendar {

    private final JdbcClient jdbc;

    JdbcCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public WorkingDays workingDays() {
        return new WorkingDays(new HashSet<>(jdbc.sql("SELECT day FROM calendar.holiday")
                .query(LocalDate.class).list()));
    }
}
