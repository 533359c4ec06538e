package id.jamsos.payment.snap;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The endpoints partner banks call, as Bank Indonesia's SNAP standard names them. Machine to machine: no session, no
 * CSRF token; each request proves itself by signature ({@link SnapGate}). Every answer, refusals and failures too, is
 * SNAP JSON ({@code responseCode}, {@code responseMessage}), never an HTML page.
 */
@RestController
@RequestMapping("/snap/v1.0")
class SnapApi {

    /** Far above any transfer-va body (a few hundred bytes); a larger one is refused unread. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(SnapApi.class);

    private final SnapGate gate;
    private final AccessTokens tokens;
    private final SnapExchange exchange;
    private final JsonMapper json;
    private final Clock clock;

    SnapApi(SnapGate gate, AccessTokens tokens, SnapExchange exchange, JsonMapper json, Clock clock) {
        this.gate = gate;
        this.tokens = tokens;
        this.exchange = exchange;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping("/access-token/b2b")
    ResponseEntity<byte[]> accessToken(HttpServletRequest request) {
        Instant now = clock.instant();
        return answer(SnapCase.ACCESS_TOKEN, now, () -> {
            PartnerBank bank = gate.tokenRequest(request, now);
            grantType(body(request));
            AccessTokens.Issued issued = tokens.issue(bank, now);
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            answer.put("responseCode", SnapCase.SUCCESS.code(SnapCase.ACCESS_TOKEN));
            answer.put("responseMessage", SnapCase.SUCCESS.message(null));
            answer.put("accessToken", issued.token());
            answer.put("tokenType", "Bearer");
            answer.put("expiresIn", Long.toString(issued.lifetime().toSeconds()));
            return new SnapAnswer(200, json.writeValueAsBytes(answer), SnapTime.format(now));
        });
    }

    @PostMapping("/transfer-va/inquiry")
    ResponseEntity<byte[]> inquiry(HttpServletRequest request) {
        return transferVa(request, SnapCase.INQUIRY);
    }

    @PostMapping("/transfer-va/payment")
    ResponseEntity<byte[]> payment(HttpServletRequest request) {
        return transferVa(request, SnapCase.PAYMENT);
    }

    @PostMapping("/transfer-va/status")
    ResponseEntity<byte[]> status(HttpServletRequest request) {
        return transferVa(request, SnapCase.STATUS);
    }

    private ResponseEntity<byte[]> transferVa(HttpServletRequest request, String service) {
        Instant now = clock.instant();
        return answer(service, now, () -> {
            byte[] body = body(request);
            SnapGate.Caller caller = gate.transaction(request, body, now);
            return exchange.exchange(caller, service, body);
        });
    }

    private interface Work {
        SnapAnswer run() throws IOException;
    }

    private ResponseEntity<byte[]> answer(String service, Instant now, Work work) {
        try {
            return work.run().entity();
        } catch (SnapRefusal refusal) {
            return exchange.refusal(refusal, service, now).entity();
        } catch (IOException | RuntimeException e) {
            // the bank retries a 500 with the same X-EXTERNAL-ID; whatever was committed answers it then
            log.warn("SNAP service {} failed: {}", service, e.toString());
            return exchange.refusal(new SnapRefusal(SnapCase.GENERAL_ERROR, null), service, now).entity();
        }
    }

    private static byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new SnapRefusal(SnapCase.BAD_REQUEST, null);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new SnapRefusal(SnapCase.BAD_REQUEST, null);
            }
            return body;
        }
    }

    private void grantType(byte[] body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            throw new SnapRefusal(SnapCase.BAD_REQUEST, null);
        }
        JsonNode grant = node == null || !node.isObject() ? null : node.get("grantType");
        if (grant == null || grant.isNull()) {
            throw new SnapRefusal(SnapCase.MISSING_FIELD, "grantType");
        }
        if (!grant.isString() || !grant.stringValue().equals("client_credentials")) {
            throw new SnapRefusal(SnapCase.INVALID_FIELD_FORMAT, "grantType");
        }
    }
}
