package id.jamsos.payment.snap;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A partner bank's side of SNAP: asks for an access token and sends signed transfer-va requests, exactly as a bank's
 * system does. Used by the bank simulator command and by the tests' {@code SnapBank}, so both exercise the same
 * signing code as the platform checks.
 */
public final class SnapClient {

    public static final String TOKEN_PATH = "/snap/v1.0/access-token/b2b";
    public static final String INQUIRY_PATH = "/snap/v1.0/transfer-va/inquiry";
    public static final String PAYMENT_PATH = "/snap/v1.0/transfer-va/payment";
    public static final String STATUS_PATH = "/snap/v1.0/transfer-va/status";
    public static final String CHANNEL_ID = "95231";

    private final URI base;
    private final String partnerId;
    private final String clientKey;
    private final byte[] clientSecret;
    private final PrivateKey privateKey;
    private final String partnerServiceId;
    private final Clock clock;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    /** An answer as received: status, exact body bytes, headers of interest. */
    public record Response(int status, byte[] body, String timestamp) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    SnapClient(URI base, PartnerBank bank, PrivateKey privateKey, Clock clock, HttpClient http) {
        this.base = base;
        this.partnerId = bank.partnerId();
        this.clientKey = bank.clientKey();
        this.clientSecret = bank.clientSecret();
        this.privateKey = privateKey;
        this.partnerServiceId = bank.partnerServiceId();
        this.clock = clock;
        this.http = http;
    }

    /** The demo bank (demo only: its private key is in the repository) calling the platform at {@code base}. */
    public static SnapClient demoBank(URI base, Clock clock, HttpClient http) {
        return new SnapClient(base, new DemoBank().bank(), DemoBank.privateKey(), clock, http);
    }

    public String partnerServiceId() {
        return partnerServiceId;
    }

    public String partnerId() {
        return partnerId;
    }

    public String timestamp() {
        return SnapTime.format(clock.instant());
    }

    /** The headers of an access-token request, signed with the bank's private key. */
    public Map<String, String> tokenHeaders(String timestamp) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-TIMESTAMP", timestamp);
        headers.put("X-CLIENT-KEY", clientKey);
        headers.put("X-SIGNATURE", SnapSignatures.signRsa(privateKey, SnapSignatures.tokenStringToSign(clientKey,
                timestamp)));
        return headers;
    }

    public Response requestToken(Map<String, String> headers) {
        return post(TOKEN_PATH, headers, "{\"grantType\":\"client_credentials\"}".getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh access token, or an exception saying what the platform answered. */
    public String accessToken() {
        Response response = requestToken(tokenHeaders(timestamp()));
        JsonNode answer = json.readTree(response.body());
        if (response.status() != 200 || !answer.path("accessToken").isString()) {
            throw new IllegalStateException("no access token: HTTP " + response.status() + " " + response.text());
        }
        return answer.get("accessToken").stringValue();
    }

    /** The headers of a transfer-va request, signed with HMAC-SHA512 over method, path, token, body and time. */
    public Map<String, String> headers(String path, String accessToken, byte[] body, String externalId,
                                       String timestamp) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + accessToken);
        headers.put("X-TIMESTAMP", timestamp);
        headers.put("X-SIGNATURE", SnapSignatures.hmac(clientSecret,
                SnapSignatures.transactionStringToSign("POST", path, accessToken, body, timestamp)));
        headers.put("X-PARTNER-ID", partnerId);
        headers.put("X-EXTERNAL-ID", externalId);
        headers.put("CHANNEL-ID", CHANNEL_ID);
        return headers;
    }

    public Response send(String path, String accessToken, byte[] body, String externalId) {
        return post(path, headers(path, accessToken, body, externalId, timestamp()), body);
    }

    public byte[] inquiryBody(String customerNo, String inquiryRequestId) {
        ObjectNode body = account(customerNo);
        body.put("inquiryRequestId", inquiryRequestId);
        return json.writeValueAsBytes(body);
    }

    public byte[] paymentBody(String customerNo, String paymentRequestId, long amountRupiah, boolean advice) {
        ObjectNode body = account(customerNo);
        body.put("paymentRequestId", paymentRequestId);
        ObjectNode paid = body.putObject("paidAmount");
        paid.put("value", amountRupiah + ".00");
        paid.put("currency", "IDR");
        body.put("trxDateTime", timestamp());
        body.put("flagAdvise", advice ? "Y" : "N");
        return json.writeValueAsBytes(body);
    }

    public byte[] statusBody(String customerNo, String paymentRequestId) {
        ObjectNode body = account(customerNo);
        body.put("paymentRequestId", paymentRequestId);
        return json.writeValueAsBytes(body);
    }

    private ObjectNode account(String customerNo) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("partnerServiceId", partnerServiceId);
        body.put("customerNo", customerNo);
        body.put("virtualAccountNo", partnerServiceId + customerNo);
        return body;
    }

    public Response post(String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("X-TIMESTAMP").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
