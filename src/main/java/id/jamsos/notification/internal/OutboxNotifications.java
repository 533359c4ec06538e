package id.jamsos.notification.internal;

import id.jamsos.notification.EmailMessage;
import id.jamsos.notification.Notice;
import id.jamsos.notification.Notifications;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the message in the recipient's language and stores it in the outbox, inside the caller's transaction:
 * the message exists if and only if the business change commits. {@link OutboxSender} delivers it. Portal notices
 * are stored the same way, among the account's notices.
 */
@Service
class OutboxNotifications implements Notifications {

    private final Outbox outbox;
    private final Notices notices;
    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final Clock clock;

    OutboxNotifications(Outbox outbox, Notices notices, ITemplateEngine templates, MessageSource messages,
                        Clock clock) {
        this.outbox = outbox;
        this.notices = notices;
        this.templates = templates;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void sendEmail(EmailMessage message) {
        Locale language = "en".equals(message.language().getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("id");
        String body = templates.process("mail/" + message.template(), new Context(language, message.variables()));
        String subject = messages.getMessage("mail." + message.template() + ".subject", null, language);
        Instant now = clock.instant();
        outbox.add(new OutboxEmail(UUID.randomUUID(), message.recipient(), language.getLanguage(), message.template(),
                subject, body, now, 0, now, null, null));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean postNotice(Notice notice) {
        return notices.add(List.of(notice), clock.instant()) == 1;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int postNotices(List<Notice> posted) {
        return notices.add(posted, clock.instant());
    }
}
