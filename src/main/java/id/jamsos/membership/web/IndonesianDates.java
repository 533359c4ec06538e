package id.jamsos.membership.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as people in Indonesia write them: {@code Senin, 30 November 2026}, or {@code Monday, 30 November 2026}. */
public final class IndonesianDates {

    public String display(LocalDate date, Locale locale) {
        Locale language = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("id");
        return DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", language).format(date);
    }
}
