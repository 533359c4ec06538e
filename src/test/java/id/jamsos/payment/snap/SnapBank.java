package id.jamsos.payment.snap;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo partner bank in tests: signs with the same {@link SnapSignatures} code the platform checks (through
 * {@link SnapClient}, the simulator's client), and lets a test change a header, the body or the signature after
 * signing to play an attacker or a broken bank.
 */
public final class SnapBank {

    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000);

    private final SnapClient client;
    private String token;

    public SnapBank(int port) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1).build();
        this.client = SnapClient.demoBank(URI.create("http://localhost:" + port), Clock.systemUTC(), http);
    }

    public SnapClient client() {
        return client;
    }

    /** A numeric id unique in this JVM: X-EXTERNAL-ID, paymentRequestId, inquiryRequestId. */
    public static String id() {
        return Long.toString(IDS.incrementAndGet());
    }

    public synchronized String token() {
        if (token == null) {
            token = client.accessToken();
        }
        return token;
    }

    public SnapClient.Response inquiry(String customerNo) {
        return send(SnapClient.INQUIRY_PATH, client.inquiryBody(customerNo, id()), id());
    }

    public SnapClient.Response pay(String customerNo, long amount, String paymentRequestId, String externalId) {
        return send(SnapClient.PAYMENT_PATH, client.paymentBody(customerNo, paymentRequestId, amount, false), externalId);
    }

    public SnapClient.Response send(String path, byte[] body, String externalId) {
        return client.send(path, token(), body, externalId);
    }

    /** Signs {@code signed} but sends {@code sent} with the headers changed by {@code tamper}. */
    public SnapClient.Response tampered(String path, byte[] signed, byte[] sent, String externalId,
                                        java.util.function.Consumer<Map<String, String>> tamper) {
        Map<String, String> headers = client.headers(path, token(), signed, externalId, client.timestamp());
        tamper.accept(headers);
        return client.post(path, headers, sent);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
