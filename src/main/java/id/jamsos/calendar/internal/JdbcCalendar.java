package id.jamsos.calendar.internal;

import id.jamsos.calendar.Calendar;
import id.jamsos.common.WorkingDays;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads the holiday table; it holds a few dozen rows a year, so it is read whole. Every penalty and due date asks
 * for it (a SNAP payment asked twice), while the decree changes it a few times a year: the set is kept for
 * {@code jamsos.calendar.cache-ttl} (default 30 s). An administrator's change through {@link Holidays} drops it on
 * this instance as soon as it commits; other instances see it within the TTL, long before any changed day comes.
 */
@Service
class JdbcCalendar implements Calendar {

    /** {@code until} on {@link System#nanoTime()}: monotonic, whatever the application's clock says. */
    private record Kept(WorkingDays days, long until) {
    }

    private final JdbcClient jdbc;
    private final long ttlNanos;
    private volatile Kept kept;

    JdbcCalendar(JdbcClient jdbc, @Value("${jamsos.calendar.cache-ttl:30s}") Duration ttl) {
        this.jdbc = jdbc;
        this.ttlNanos = ttl.toNanos();
    }

    @Override
    public WorkingDays workingDays() {
        Kept now = kept;
        long at = System.nanoTime();
        if (now == null || at - now.until() >= 0) {
            now = new Kept(new WorkingDays(new HashSet<>(jdbc.sql("SELECT day FROM calendar.holiday")
                    .query(LocalDate.class).list())), at + ttlNanos);
            kept = now;
        }
        return now.days();
    }

    /** The table changed: drop the kept set now and again once the change is committed (a reader in between). */
    void forget() {
        kept = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    kept = null;
                }
            });
        }
    }
}
