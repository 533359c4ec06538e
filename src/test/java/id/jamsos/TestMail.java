package id.jamsos;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * One real SMTP server (GreenMail) for every test in the JVM; {@link TestMailEnvironment} points every application
 * context at it. Tests find their messages by recipient, so each test uses its own addresses.
 */
public final class TestMail {

    private static GreenMail server;

    private TestMail() {
    }

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    /** Waits for the messages sent to the address, at least {@code count} of them. */
    public static List<MimeMessage> awaitMessagesTo(String recipient, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> to(recipient), messages -> messages.size() >= count);
    }

    public static List<MimeMessage> to(String recipient) {
        return Arrays.stream(server().getReceivedMessages())
                .filter(message -> recipients(message).contains(recipient))
                .toList();
    }

    private static String recipients(MimeMessage message) {
        try {
            return GreenMailUtil.getAddressList(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first link to this site's path in the last message to the recipient, e.g. {@code /verifikasi?token=…}. */
    public static String linkIn(MimeMessage message, String path) {
        String body = GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
        Matcher matcher = Pattern.compile("https?://[^\\s\"<>]+" + Pattern.quote(path) + "[^\\s\"<>]*").matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("No link to " + path + " in: " + body);
        }
        return matcher.group().replace("&amp;", "&");
    }
}
