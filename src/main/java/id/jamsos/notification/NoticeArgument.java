package id.jamsos.notification;

import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A value inside a portal notice's text. It is stored with its type and formatted when the notice is read, in the
 * reader's language of that moment (a month is "Desember 2026" or "December 2026"), so the language switch works on
 * notices posted long before.
 */
public sealed interface NoticeArgument {

    /** A name or number shown as it is (an employer's name, a KPJ). */
    record Text(String value) implements NoticeArgument {
        public Text {
            Objects.requireNonNull(value, "value");
            if (value.length() > 200) {
                throw new IllegalArgumentException("a notice argument is at most 200 characters");
            }
        }
    }

    /** Money, shown as {@code Rp 1.234.567}. */
    record Amount(Rupiah value) implements NoticeArgument {
        public Amount {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A contribution month, shown as its name and year. */
    record Month(Period value) implements NoticeArgument {
        public Month {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A day, shown as Indonesians write it: {@code 1 Desember 2026}. */
    record Day(LocalDate value) implements NoticeArgument {
        public Day {
            Objects.requireNonNull(value, "value");
        }
    }

    static NoticeArgument text(String value) {
        return new Text(value);
    }

    static NoticeArgument amount(Rupiah value) {
        return new Amount(value);
    }

    static NoticeArgument month(Period value) {
        return new Month(value);
    }

    static NoticeArgument day(LocalDate value) {
        return new Day(value);
    }
}
