package id.jamsos.calendar.internal;

import id.jamsos.audit.AuditEntry;
import id.jamsos.audit.AuditLog;
import id.jamsos.audit.AuditOutcome;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.Text;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The administrators' side of the calendar: the year's holidays and joint leave days, entered from the decree. */
@Service
public class Holidays {

    public record Holiday(LocalDate day, String nameId, String nameEn, String kind, String source) {
    }

    public static final List<String> KINDS = List.of("MOVABLE", "JOINT_LEAVE", "FIXED");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final JdbcCalendar calendar;

    Holidays(JdbcClient jdbc, AuditLog audit, JdbcCalendar calendar) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.calendar = calendar;
    }

    public List<Holiday> ofYear(int year) {
        return jdbc.sql("SELECT day, name_id, name_en, kind, source FROM calendar.holiday"
                        + " WHERE day >= make_date(:year, 1, 1) AND day < make_date(:year + 1, 1, 1) ORDER BY day")
                .param("year", year)
                .query((rs, row) -> new Holiday(rs.getObject("day", LocalDate.class), rs.getString("name_id"),
                        rs.getString("name_en"), rs.getString("kind"), rs.getString("source")))
                .list();
    }

    /** Adds a day; a date already in the table is refused, so a correction is visible as such in the audit trail. */
    @Transactional
    public void add(UUID administrator, String administratorEmail, String ipAddress, LocalDate day, String nameId,
                    String nameEn, String kind, String source) {
        if (!KINDS.contains(kind)) {
            throw new InvalidValue("holiday.kind-invalid");
        }
        int added = jdbc.sql("""
                        INSERT INTO calendar.holiday (day, name_id, name_en, kind, source)
                        VALUES (:day, :nameId, :nameEn, :kind, :source) ON CONFLICT (day) DO NOTHING""")
                .param("day", day).param("nameId", Text.required(nameId, 200)).param("nameEn", Text.required(nameEn, 200))
                .param("kind", kind).param("source", Text.required(source, 300))
                .update();
        if (added == 0) {
            throw new InvalidValue("holiday.exists");
        }
        calendar.forget();
        audit.record(new AuditEntry(administrator, administratorEmail, "HOLIDAY_ADDED", "HOLIDAY", day.toString(),
                ipAddress, AuditOutcome.SUCCESS, Map.of("kind", kind, "name", nameId)));
    }

    /** Removes a day entered by mistake; audited with what it was. */
    @Transactional
    public boolean remove(UUID administrator, String administratorEmail, String ipAddress, LocalDate day) {
        List<String> removed = jdbc.sql("DELETE FROM calendar.holiday WHERE day = :day RETURNING name_id")
                .param("day", day).query(String.class).list();
        if (!removed.isEmpty()) {
            calendar.forget();
            audit.record(new AuditEntry(administrator, administratorEmail, "HOLIDAY_REMOVED", "HOLIDAY", day.toString(),
                    ipAddress, AuditOutcome.SUCCESS, Map.of("name", removed.get(0))));
        }
        return !removed.isEmpty();
    }
}
