package id.jamsos.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMailUtil;
import id.jamsos.TestMail;
import id.jamsos.notification.EmailMessage;
import id.jamsos.notification.Notifications;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox against real PostgreSQL and a real SMTP server: written with the business change, delivered once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutboxTests {

    @Autowired
    Notifications notifications;
    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void aMessageIsDeliveredOverSmtpInTheRecipientsLanguageWithItsOutboxIdAsMessageId() throws Exception {
        String english = unique();
        String indonesian = unique();
        transaction.executeWithoutResult(status -> {
            notifications.sendEmail(verification(english, Locale.ENGLISH));
            notifications.sendEmail(verification(indonesian, Locale.forLanguageTag("id")));
        });

        MimeMessage inEnglish = TestMail.awaitMessagesTo(english, 1).get(0);
        MimeMessage inIndonesian = TestMail.awaitMessagesTo(indonesian, 1).get(0);

        assertThat(inEnglish.getSubject()).isEqualTo("Verify the e-mail address of your Jamsos account");
        assertThat(inIndonesian.getSubject()).isEqualTo("Verifikasi alamat surel akun Jamsos Anda");
        assertThat(GreenMailUtil.getBody(inEnglish)).contains("Hello Rina Wati");
        assertThat(TestMail.linkIn(inIndonesian, "/verifikasi")).isEqualTo("http://localhost:8080/verifikasi?token=abc");
        assertThat(inEnglish.getHeader("Content-Language")).containsExactly("en");

        UUID id = idOfMessageTo(english);
        assertThat(inEnglish.getMessageID()).isEqualTo("<" + id + "@jamsos>");
        assertThat(outbox.find(id)).get().satisfies(email -> {
            assertThat(email.sent()).isTrue();
            assertThat(email.attempts()).isEqualTo(1);
        });
    }

    @Test
    void aMessageQueuedInARolledBackTransactionIsNeverSent() throws Exception {
        String recipient = unique();
        transaction.executeWithoutResult(status -> {
            notifications.sendEmail(verification(recipient, Locale.ENGLISH));
            status.setRollbackOnly();
        });
        String control = unique();
        transaction.executeWithoutResult(status -> notifications.sendEmail(verification(control, Locale.ENGLISH)));

        TestMail.awaitMessagesTo(control, 1);
        assertThat(TestMail.to(recipient)).isEmpty();
        assertThat(rowsFor(recipient)).isZero();
    }

    @Test
    void queueingOutsideATransactionIsRefusedSoNoMessageCanOutliveAFailedChange() {
        String recipient = unique();
        assertThatThrownBy(() -> notifications.sendEmail(verification(recipient, Locale.ENGLISH)))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(rowsFor(recipient)).isZero();
    }

    @Test
    void aFailedDeliveryIsKeptAndRetriedLaterExactlyOnce() throws Exception {
        JavaMailSenderImpl unreachable = new JavaMailSenderImpl();
        unreachable.setHost("127.0.0.1");
        unreachable.setPort(1); // nothing listens there: the connection is refused
        OutboxSender failing = new OutboxSender(outbox, provider(unreachable), transaction, clock,
                "no-reply@jamsos.localhost", "Jamsos");
        String recipient = unique();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> outbox.add(new OutboxEmail(id, recipient, "en",
                "account-verify-email", "Subject", "<html><body><p>Hi</p></body></html>", now, 0,
                now.plus(Duration.ofDays(1)), null, null)));

        // Making the row due and delivering it in one transaction keeps the application's own sender away from it.
        transaction.executeWithoutResult(status -> {
            makeDue(id);
            failing.deliverBatch(unreachable);
        });

        OutboxEmail afterFailure = outbox.find(id).orElseThrow();
        assertThat(afterFailure.sent()).isFalse();
        assertThat(afterFailure.attempts()).isEqualTo(1);
        assertThat(afterFailure.lastError()).isNotBlank();
        assertThat(afterFailure.nextAttemptAt()).isAfter(now.plusSeconds(25));

        makeDue(id); // the application's sender (polling every 200 ms in tests) delivers it now
        TestMail.awaitMessagesTo(recipient, 1);
        Thread.sleep(1_000); // give a second sender every chance to send it again
        assertThat(TestMail.to(recipient)).hasSize(1);
        assertThat(outbox.find(id)).get().satisfies(email -> assertThat(email.sent()).isTrue());
    }

    @Test
    void backoffGrowsFromThirtySecondsToAtMostAnHour() {
        assertThat(Outbox.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Outbox.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Outbox.backoff(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(Outbox.backoff(8)).isEqualTo(Duration.ofHours(1));
        assertThat(Outbox.backoff(1_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void thePlainTextPartKeepsParagraphsAndLinks() {
        String text = OutboxSender.plainText("""
                <html><head><title>x</title></head><body><p>Halo Rina,</p>
                <p><a href="https://jamsos.test/a?b=1&amp;c=2">https://jamsos.test/a?b=1&amp;c=2</a></p></body></html>""");
        assertThat(text).isEqualTo("Halo Rina,\n\nhttps://jamsos.test/a?b=1&c=2");
    }

    private void makeDue(UUID id) {
        jdbc.sql("UPDATE notification.outbox_email SET next_attempt_at = now() - interval '1 second' WHERE id = :id")
                .param("id", id).update();
    }

    private int rowsFor(String recipient) {
        return jdbc.sql("SELECT count(*) FROM notification.outbox_email WHERE recipient = :r")
                .param("r", recipient).query(Integer.class).single();
    }

    private UUID idOfMessageTo(String recipient) {
        List<UUID> ids = jdbc.sql("SELECT id FROM notification.outbox_email WHERE recipient = :r")
                .param("r", recipient).query(UUID.class).list();
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    private static EmailMessage verification(String recipient, Locale language) {
        return new EmailMessage(recipient, language, "account-verify-email",
                Map.of("name", "Rina Wati", "link", "http://localhost:8080/verifikasi?token=abc"));
    }

    private static String unique() {
        return "outbox-" + UUID.randomUUID() + "@example.id";
    }

    private static ObjectProvider<JavaMailSender> provider(JavaMailSender sender) {
        return new ObjectProvider<>() {
            @Override
            public JavaMailSender getObject() {
                return sender;
            }

            @Override
            public JavaMailSender getObject(Object... args) {
                return sender;
            }

            @Override
            public JavaMailSender getIfAvailable() {
                return sender;
            }

            @Override
            public JavaMailSender getIfUnique() {
                return sender;
            }
        };
    }
}
