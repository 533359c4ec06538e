package id.jamsos.payment.snap;

import id.jamsos.common.JakartaTime;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** SNAP's timestamp form, {@code yyyy-MM-ddTHH:mm:ssTZD}, written in western Indonesian time (+07:00). */
final class SnapTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
            .withZone(JakartaTime.ZONE);

    private SnapTime() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
