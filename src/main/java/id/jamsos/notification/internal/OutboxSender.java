package id.jamsos.notification.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Delivers due outbox messages over SMTP ({@code SPRING_MAIL_HOST}, …). Without SMTP configured nothing is sent and
 * the messages wait in the outbox, readable on the mailbox page outside production.
 *
 * <p>A batch is locked, sent and marked in one transaction, so two instances never send the same message. A failure
 * is recorded and retried with backoff. If the process dies after the SMTP server accepted a message but before the
 * commit, the message is sent once more on restart with the same {@code Message-ID}, so mail systems can recognise
 * the repeat: at least once, never lost.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 20;

    private final Outbox outbox;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final InternetAddress from;

    OutboxSender(Outbox outbox, ObjectProvider<JavaMailSender> mailSender, TransactionTemplate transaction, Clock clock,
                 @Value("${jamsos.notification.from:no-reply@jamsos.localhost}") String fromAddress,
                 @Value("${jamsos.notification.from-name:Jamsos}") String fromName) throws UnsupportedEncodingException {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.transaction = transaction;
        this.clock = clock;
        this.from = new InternetAddress(fromAddress, fromName, "UTF-8");
    }

    @Scheduled(fixedDelayString = "${jamsos.notification.poll-interval:5s}", initialDelayString = "${jamsos.notification.poll-interval:5s}")
    void deliverDue() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return;
        }
        Integer handled;
        do {
            handled = transaction.execute(status -> deliverBatch(sender));
        } while (handled != null && handled == BATCH);
    }

    /** Sends the due messages it can lock; call inside a transaction. */
    int deliverBatch(JavaMailSender sender) {
        List<OutboxEmail> due = outbox.lockDue(clock.instant(), BATCH);
        for (OutboxEmail email : due) {
            try {
                sender.send(toMime(sender, email));
                outbox.markSent(email.id(), clock.instant());
            } catch (MailException | MessagingException e) {
                Instant retryAt = clock.instant().plus(Outbox.backoff(email.attempts() + 1));
                log.warn("E-mail {} not delivered (attempt {}), retrying at {}: {}", email.id(), email.attempts() + 1,
                        retryAt, e.getMessage());
                outbox.markFailed(email.id(), retryAt, e.getMessage());
            }
        }
        return due.size();
    }

    private MimeMessage toMime(JavaMailSender sender, OutboxEmail email) throws MessagingException {
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(email.recipient());
        helper.setSubject(email.subject());
        helper.setText(plainText(email.bodyHtml()), email.bodyHtml());
        mime.setHeader("Content-Language", email.language());
        mime.setHeader("Message-ID", "<" + email.id() + "@jamsos>");
        return mime;
    }

    /** The text part for mail readers without HTML: paragraphs become lines, links stay readable. */
    static String plainText(String html) {
        String text = html.replaceAll("(?is)<head.*?</head>", "")
                .replaceAll("(?i)</p>|<br\\s*/?>", "\n")
                .replaceAll("<[^>]+>", "");
        return HtmlUtils.htmlUnescape(text).lines().map(String::strip).filter(line -> !line.isEmpty())
                .reduce((a, b) -> a + "\n\n" + b).orElse("");
    }
}
