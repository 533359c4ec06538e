package id.jamsos.payment.snap;

import id.jamsos.common.Rupiah;
import id.jamsos.payment.internal.AmountDue;
import id.jamsos.payment.internal.IncomingPayment;
import id.jamsos.payment.internal.PaymentDesk;
import id.jamsos.payment.internal.Receipt;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the three transfer-va services answer. One virtual account per payer, the amount decided at inquiry: the
 * payer's number never changes (it can be printed on a card or saved in a banking app), and the amount due now
 * comes from {@link PaymentDesk#due}. The payment must be exactly that amount ("closed" virtual account).
 */
@Component
class TransferVa {

    static final String CHANNEL = "VIRTUAL_ACCOUNT";

    private final PaymentDesk desk;
    private final Reasons reasons;
    private final SnapRequests requests;
    private final JsonMapper json;

    /** An answer before it is written: its case, its body, and whether money was accepted. */
    record Outcome(SnapCase snapCase, ObjectNode body, boolean paid) {
    }

    TransferVa(PaymentDesk desk, Reasons reasons, SnapRequests requests, JsonMapper json) {
        this.desk = desk;
        this.reasons = reasons;
        this.requests = requests;
        this.json = json;
    }

    Outcome inquiry(TransferVaRequest request, LocalDate today) {
        ObjectNode data = account(request);
        data.put("inquiryRequestId", request.inquiryRequestId());
        Optional<AmountDue> due = desk.due(request.customerNo(), today);
        if (due.isEmpty()) {
            return inquiryRefused(SnapCase.UNKNOWN_VIRTUAL_ACCOUNT, data, "snap.reason.unknown-account");
        }
        if (due.get().amount().isZero()) {
            data.put("virtualAccountName", due.get().payerName());
            return inquiryRefused(SnapCase.PAID_BILL, data, "snap.reason.nothing-due");
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        data.put("inquiryStatus", "00");
        data.set("inquiryReason", reasons.reason("snap.reason.success"));
        data.put("virtualAccountName", due.get().payerName());
        data.set("totalAmount", money(due.get().amount()));
        data.put("virtualAccountTrxType", "C");
        ObjectNode info = data.putObject("additionalInfo");
        info.put("description", due.get().description());
        return new Outcome(SnapCase.SUCCESS, head(answer, SnapCase.SUCCESS, SnapCase.INQUIRY, data), false);
    }

    private Outcome inquiryRefused(SnapCase snapCase, ObjectNode data, String reason) {
        data.put("inquiryStatus", "01");
        data.set("inquiryReason", reasons.reason(reason));
        return new Outcome(snapCase, head(JsonNodeFactory.instance.objectNode(), snapCase, SnapCase.INQUIRY, data), false);
    }

    /** Hands the money to the payment desk under the bank's paymentRequestId, so a repeat (advice) pays nothing twice. */
    Outcome payment(PartnerBank bank, TransferVaRequest request, Instant now) {
        Receipt receipt = desk.receive(new IncomingPayment(CHANNEL, bank.partnerId(), request.paymentRequestId(),
                request.customerNo(), request.paidAmount(), now));
        ObjectNode data = account(request);
        if (request.virtualAccountName() != null) {
            data.put("virtualAccountName", request.virtualAccountName());
        }
        data.put("paymentRequestId", request.paymentRequestId());
        data.set("paidAmount", money(request.paidAmount()));
        if (request.trxDateTime() != null) {
            data.put("trxDateTime", request.trxDateTime());
        }
        if (request.referenceNo() != null) {
            data.put("referenceNo", request.referenceNo());
        }
        data.put("flagAdvise", request.advice() ? "Y" : "N");
        if (receipt instanceof Receipt.Accepted accepted) {
            return paid(data, accepted);
        }
        if (receipt instanceof Receipt.WrongAmount wrong) {
            return paymentRefused(SnapCase.INVALID_AMOUNT, data,
                    reasons.reason("snap.reason.wrong-amount", wrong.due().formatted()));
        }
        if (receipt instanceof Receipt.NothingDue) {
            return paymentRefused(SnapCase.PAID_BILL, data, reasons.reason("snap.reason.nothing-due"));
        }
        return paymentRefused(SnapCase.UNKNOWN_VIRTUAL_ACCOUNT, data, reasons.reason("snap.reason.unknown-account"));
    }

    private Outcome paid(ObjectNode data, Receipt.Accepted accepted) {
        data.set("paymentFlagReason", reasons.reason("snap.reason.success"));
        data.put("paymentFlagStatus", "00");
        ObjectNode answer = head(JsonNodeFactory.instance.objectNode(), SnapCase.SUCCESS, SnapCase.PAYMENT, data);
        answer.putObject("additionalInfo").put("receiptNo", Long.toString(accepted.paymentId()));
        return new Outcome(SnapCase.SUCCESS, answer, true);
    }

    private Outcome paymentRefused(SnapCase snapCase, ObjectNode data, ObjectNode reason) {
        data.set("paymentFlagReason", reason);
        data.put("paymentFlagStatus", "01");
        return new Outcome(snapCase, head(JsonNodeFactory.instance.objectNode(), snapCase, SnapCase.PAYMENT, data), false);
    }

    /** What became of a payment the bank sent before: read from the answer we gave it then. */
    Outcome status(PartnerBank bank, TransferVaRequest request) {
        Optional<JsonNode> earlier = requests.paymentAnswer(bank.partnerId(), request.paymentRequestId())
                .map(json::readTree).map(answer -> answer.get("virtualAccountData"))
                .filter(data -> data != null && request.customerNo().equals(data.path("customerNo").asString()));
        ObjectNode data = account(request);
        if (request.inquiryRequestId() != null) {
            data.put("inquiryRequestId", request.inquiryRequestId());
        }
        data.put("paymentRequestId", request.paymentRequestId());
        if (earlier.isEmpty()) {
            data.set("paymentFlagReason", reasons.reason("snap.reason.not-found"));
            return new Outcome(SnapCase.TRANSACTION_NOT_FOUND, head(JsonNodeFactory.instance.objectNode(),
                    SnapCase.TRANSACTION_NOT_FOUND, SnapCase.STATUS, data), false);
        }
        for (String field : new String[] {"paidAmount", "trxDateTime", "referenceNo", "flagAdvise",
                "paymentFlagReason", "paymentFlagStatus"}) {
            if (earlier.get().has(field)) {
                data.set(field, earlier.get().get(field));
            }
        }
        return new Outcome(SnapCase.SUCCESS, head(JsonNodeFactory.instance.objectNode(), SnapCase.SUCCESS,
                SnapCase.STATUS, data), false);
    }

    private static ObjectNode account(TransferVaRequest request) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("partnerServiceId", request.partnerServiceId());
        data.put("customerNo", request.customerNo());
        data.put("virtualAccountNo", request.partnerServiceId() + request.customerNo());
        return data;
    }

    private static ObjectNode head(ObjectNode answer, SnapCase snapCase, String service, ObjectNode data) {
        answer.put("responseCode", snapCase.code(service));
        answer.put("responseMessage", snapCase.message(null));
        answer.set("virtualAccountData", data);
        return answer;
    }

    static ObjectNode money(Rupiah amount) {
        ObjectNode money = JsonNodeFactory.instance.objectNode();
        money.put("value", TransferVaRequest.money(amount));
        money.put("currency", "IDR");
        return money;
    }
}
