package id.jamsos.notification.internal;

import java.time.Instant;
import java.util.UUID;

/** One queued e-mail, already rendered. {@code sentAt} is null until the SMTP server accepted it. */
public record OutboxEmail(UUID id, String recipient, String language, String template, String subject, String bodyHtml,
                          Instant createdAt, int attempts, Instant nextAttemptAt, Instant sentAt, String lastError) {

    /** What is between {@code <body>} and {@code </body>}, to show the message inside a page. */
    public String bodyContent() {
        int open = bodyHtml.indexOf("<body");
        int start = open < 0 ? 0 : bodyHtml.indexOf('>', open) + 1;
        int end = bodyHtml.lastIndexOf("</body>");
        return bodyHtml.substring(start, end < start ? bodyHtml.length() : end);
    }

    public boolean sent() {
        return sentAt != null;
    }
}
