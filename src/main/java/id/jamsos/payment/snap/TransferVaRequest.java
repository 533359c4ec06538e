package id.jamsos.payment.snap;

import id.jamsos.common.Rupiah;
import tools.jackson.databind.JsonNode;

/**
 * The fields of a transfer-va inquiry, payment or status request that Jamsos acts on, checked for form; what the bank
 * may add (billDetails, freeTexts, additionalInfo, …) is ignored. The virtual account is the bank's prefix
 * ({@code partnerServiceId}, 8 characters left-padded with spaces) followed by our customer number.
 */
record TransferVaRequest(String service, String partnerServiceId, String customerNo, String virtualAccountNo,
                         String inquiryRequestId, String paymentRequestId, String virtualAccountName,
                         Rupiah paidAmount, boolean advice, String trxDateTime, String referenceNo) {

    static TransferVaRequest parse(String service, JsonNode body, PartnerBank bank) {
        if (body == null || !body.isObject()) {
            throw new SnapRefusal(SnapCase.BAD_REQUEST, null);
        }
        String prefix = text(body, "partnerServiceId", 8, true);
        String customerNo = text(body, "customerNo", 20, true);
        String virtualAccountNo = text(body, "virtualAccountNo", 28, true);
        if (!customerNo.matches("[0-9]{1,20}")) {
            throw new SnapRefusal(SnapCase.INVALID_FIELD_FORMAT, "customerNo");
        }
        if (!virtualAccountNo.strip().equals(prefix.strip() + customerNo)) {
            throw new SnapRefusal(SnapCase.INVALID_FIELD_FORMAT, "virtualAccountNo");
        }
        boolean payment = service.equals(SnapCase.PAYMENT);
        String inquiryRequestId = text(body, "inquiryRequestId", 128, service.equals(SnapCase.INQUIRY));
        String paymentRequestId = text(body, "paymentRequestId", 100, !service.equals(SnapCase.INQUIRY));
        Rupiah paid = payment ? amount(body, "paidAmount") : null;
        String flag = text(body, "flagAdvise", 1, false);
        if (flag != null && !flag.equals("Y") && !flag.equals("N")) {
            throw new SnapRefusal(SnapCase.INVALID_FIELD_FORMAT, "flagAdvise");
        }
        if (!prefix.strip().equals(bank.partnerServiceId().strip())) {
            throw new SnapRefusal(SnapCase.UNKNOWN_VIRTUAL_ACCOUNT, null);
        }
        return new TransferVaRequest(service, bank.partnerServiceId(), customerNo, virtualAccountNo, inquiryRequestId,
                paymentRequestId, text(body, "virtualAccountName", 255, false), paid, "Y".equals(flag),
                text(body, "trxDateTime", 40, false), text(body, "referenceNo", 64, false));
    }

    /**
     * SNAP money: {@code {"value": "150000.00", "currency": "IDR"}}, the value a string with two decimals. The rupiah has
     * no subunit in use, so anything but {@code .00} is an invalid amount rather than a rounding question.
     */
    static Rupiah amount(JsonNode body, String field) {
        JsonNode money = body.get(field);
        if (money == null || money.isNull()) {
            throw new SnapRefusal(SnapCase.MISSING_FIELD, field);
        }
        String value = text(money, "value", 19, true);
        String currency = text(money, "currency", 3, true);
        if (!value.matches("[0-9]{1,16}\\.[0-9]{2}")) {
            throw new SnapRefusal(SnapCase.INVALID_FIELD_FORMAT, field + ".value");
        }
        if (!currency.equals("IDR") || !value.endsWith(".00")) {
            throw new SnapRefusal(SnapCase.INVALID_AMOUNT, null);
        }
        long rupiah = Long.parseLong(value.substring(0, value.length() - 3));
        if (rupiah <= 0 || rupiah > 999_999_999_999L) {
            throw new SnapRefusal(SnapCase.INVALID_AMOUNT, null);
        }
        return Rupiah.of(rupiah);
    }

    static String money(Rupiah amount) {
        return amount.value() + ".00";
    }

    private static String text(JsonNode body, String field, int maxLength, boolean mandatory) {
        JsonNode node = body.isObject() ? body.get(field) : null;
        if (node == null || node.isNull() || (node.isString() && node.stringValue().isBlank())) {
            if (mandatory) {
                throw new SnapRefusal(SnapCase.MISSING_FIELD, field);
            }
            return null;
        }
        if (!node.isString() || node.stringValue().length() > maxLength) {
            throw new SnapRefusal(SnapCase.INVALID_FIELD_FORMAT, field);
        }
        return node.stringValue();
    }
}
