package id.jamsos.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Shows instants the way Indonesian offices write them, {@code 24/11/2026 14.05 WIB}: Western Indonesia Time, where
 * the head office and most members are. Seconds are kept because an audit trail orders events within a minute.
 */
public final class JakartaTime {

    /** Western Indonesia Time (WIB): where the head office and most members are; the scheme's days start here. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");
    private static final ZoneId JAKARTA = ZONE;
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("dd/MM/yyyy HH.mm.ss 'WIB'")
            .withZone(JAKARTA);

    /** Today's date in western Indonesia, which decides deadlines, the century of a NIK and the KPJ year. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    public String display(Instant instant) {
        return DISPLAY.format(instant);
    }

    /** For the {@code datetime} attribute of {@code <time>}: machine-readable, with its offset. */
    public String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(JAKARTA).format(instant);
    }
}
