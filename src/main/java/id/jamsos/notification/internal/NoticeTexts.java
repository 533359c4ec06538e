package id.jamsos.notification.internal;

import id.jamsos.notification.NoticeArgument;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A notice's text in the reader's language of the moment: its arguments formatted for that language (months and days
 * by name, money as {@code Rp 1.234.567} in both), then put into the message.
 */
@Component
public class NoticeTexts {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private final MessageSource messages;

    NoticeTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String text(StoredNotice notice, Locale reader) {
        Locale language = "en".equals(reader == null ? null : reader.getLanguage()) ? Locale.ENGLISH : INDONESIAN;
        List<NoticeArgument> arguments = notice.arguments();
        Object[] values = new Object[arguments.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = format(arguments.get(i), language);
        }
        return messages.getMessage(notice.messageKey(), values, language);
    }

    static String format(NoticeArgument argument, Locale language) {
        if (argument instanceof NoticeArgument.Amount amount) {
            return amount.value().formatted();
        }
        if (argument instanceof NoticeArgument.Month month) {
            return month.value().firstDay().format(DateTimeFormatter.ofPattern("MMMM yyyy", language));
        }
        if (argument instanceof NoticeArgument.Day day) {
            return day.value().format(DateTimeFormatter.ofPattern("d MMMM yyyy", language));
        }
        return ((NoticeArgument.Text) argument).value();
    }
}
