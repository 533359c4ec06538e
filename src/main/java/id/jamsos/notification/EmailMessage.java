package id.jamsos.notification;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An e-mail to queue: the Thymeleaf template {@code mail/<template>.html} rendered with {@code variables} in the
 * recipient's language; the subject is the message {@code mail.<template>.subject} (it may use {0} = first variable
 * named {@code subjectArgument}).
 */
public record EmailMessage(String recipient, Locale language, String template, Map<String, Object> variables) {

    public EmailMessage {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(template, "template");
        variables = Map.copyOf(variables == null ? Map.of() : variables);
    }
}
