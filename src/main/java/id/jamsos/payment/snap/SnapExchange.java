package id.jamsos.payment.snap;

import id.jamsos.common.JakartaTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One transfer-va request, exactly once. In one transaction: act (the payment desk records and allocates the money),
 * then record the request with its answer's bytes under its {@code X-EXTERNAL-ID} (unique per partner and day); when
 * the id was recorded before (a retry, or a copy that ran side by side and committed first), the transaction is
 * rolled back and the recorded answer given. A payment advice ({@code flagAdvise=Y}), a repeat by definition, looks
 * for the record first. A crash anywhere before the commit leaves nothing; a crash after it leaves the answer, which
 * the bank's retry then receives as it was.
 * The same id with another body is refused (409); a payment advice ({@code flagAdvise=Y}) repeating the payment
 * that id was used for gets that payment's answer.
 */
@Component
class SnapExchange {

    private final TransferVa transferVa;
    private final SnapRequests requests;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final CrashPoint crashPoint;
    private final Clock clock;

    SnapExchange(TransferVa transferVa, SnapRequests requests, TransactionTemplate transactions, JsonMapper json,
                 CrashPoint crashPoint, Clock clock) {
        this.transferVa = transferVa;
        this.requests = requests;
        this.transactions = transactions;
        this.json = json;
        this.crashPoint = crashPoint;
        this.clock = clock;
    }

    SnapAnswer exchange(SnapGate.Caller caller, String service, byte[] body) {
        Instant now = clock.instant();
        TransferVaRequest request;
        try {
            request = TransferVaRequest.parse(service, parse(body), caller.bank());
        } catch (SnapRefusal refusal) {
            // malformed input changes nothing and is not recorded: the bank may correct it under the same id
            return refusal(refusal, service, now);
        }
        LocalDate today = JakartaTime.today(clock);
        SnapRequests.Key key = new SnapRequests.Key(caller.bank().partnerId(), today, caller.externalId());
        byte[] bodyHash = SnapSignatures.sha256(SnapSignatures.minify(body));
        // A payment advice repeats a payment the bank sent before: it is answered from the record without acting
        // again. Any other request is most often new, and acts at once; a copy of one recorded before finds the
        // record when it writes its own, and its work is undone.
        if (service.equals(SnapCase.PAYMENT) && request.advice()) {
            Optional<SnapRequests.Stored> before = requests.find(key);
            if (before.isPresent()) {
                return earlier(before.get(), service, bodyHash, request, now);
            }
        }
        SnapAnswer answer = transactions.execute(tx -> {
            TransferVa.Outcome outcome = act(caller, request, service, today, now);
            SnapAnswer written = new SnapAnswer(outcome.snapCase().httpStatus, json.writeValueAsBytes(outcome.body()),
                    SnapTime.format(now));
            if (requests.record(key, service, bodyHash, request.paymentRequestId(), written, outcome.paid(), now)) {
                return written;
            }
            // Another copy under this key committed first: this transaction's work is undone, and the answer is
            // the one that copy was given (or a conflict, if it was another request).
            tx.setRollbackOnly();
            return earlier(requests.find(key).orElseThrow(), service, bodyHash, request, now);
        });
        crashPoint.afterCommit(caller.externalId());
        return answer;
    }

    private TransferVa.Outcome act(SnapGate.Caller caller, TransferVaRequest request, String service, LocalDate today,
                                   Instant now) {
        return switch (service) {
            case SnapCase.INQUIRY -> transferVa.inquiry(request, today);
            case SnapCase.PAYMENT -> transferVa.payment(caller.bank(), request, now);
            default -> transferVa.status(caller.bank(), request);
        };
    }

    private SnapAnswer earlier(SnapRequests.Stored stored, String service, byte[] bodyHash, TransferVaRequest request,
                               Instant now) {
        boolean sameRequest = Arrays.equals(stored.bodyHash(), bodyHash);
        boolean adviceOfIt = service.equals(SnapCase.PAYMENT) && request.advice()
                && stored.service().equals(service) && request.paymentRequestId().equals(stored.paymentRequestId());
        if (sameRequest || adviceOfIt) {
            return stored.answer();
        }
        return refusal(new SnapRefusal(SnapCase.CONFLICT, null), service, now);
    }

    private JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new SnapRefusal(SnapCase.BAD_REQUEST, null);
        }
    }

    SnapAnswer refusal(SnapRefusal refusal, String service, Instant now) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("responseCode", refusal.snapCase.code(service));
        answer.put("responseMessage", refusal.snapCase.message(refusal.detail));
        return new SnapAnswer(refusal.snapCase.httpStatus, json.writeValueAsBytes(answer), SnapTime.format(now));
    }
}
