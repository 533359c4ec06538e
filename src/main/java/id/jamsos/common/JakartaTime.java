package id.jamsos.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Shows instants the way Indonesian offices write them, {@code 24/11/2026 14.05 WIB}: Western Indonesia Time, where
 * the head office and most members are. Seconds are kept because an audit trail orders events within a minute.
 */
public final class JakartaTime {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("dd/MM/yyyy HH.mm.ss 'WIB'")
            .withZone(JAKARTA);

    public String display(Instant instant) {
        return DISPLAY.format(instant);
    }

    /** For the {@code datetime} attribute of {@code <time>}: machine-readable, with its offset. */
    public String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(JAKARTA).format(instant);
    }
}
