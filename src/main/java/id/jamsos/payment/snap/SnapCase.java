package id.jamsos.payment.snap;

/**
 * SNAP's response codes: HTTP status (3 digits) + service code (2) + case code (2), e.g. {@code 4042414} = 404, inquiry
 * (24), paid bill (14). The texts are SNAP's own, in English, as banks expect them.
 */
enum SnapCase {
    SUCCESS(200, "00", "Successful"),
    BAD_REQUEST(400, "00", "Bad Request"),
    INVALID_FIELD_FORMAT(400, "01", "Invalid Field Format"),
    MISSING_FIELD(400, "02", "Invalid Mandatory Field"),
    UNAUTHORIZED(401, "00", "Unauthorized."),
    INVALID_TOKEN(401, "01", "Invalid Token (B2B)"),
    TRANSACTION_NOT_FOUND(404, "01", "Transaction Not Found"),
    UNKNOWN_VIRTUAL_ACCOUNT(404, "12", "Invalid Bill/Virtual Account"),
    INVALID_AMOUNT(404, "13", "Invalid Amount"),
    PAID_BILL(404, "14", "Paid Bill"),
    CONFLICT(409, "00", "Conflict"),
    GENERAL_ERROR(500, "00", "General Error"),
    TIMEOUT(504, "00", "Timeout");

    /** SNAP service codes of the endpoints we serve. */
    static final String ACCESS_TOKEN = "73";
    static final String INQUIRY = "24";
    static final String PAYMENT = "25";
    static final String STATUS = "26";

    final int httpStatus;
    final String caseCode;
    final String message;

    SnapCase(int httpStatus, String caseCode, String message) {
        this.httpStatus = httpStatus;
        this.caseCode = caseCode;
        this.message = message;
    }

    String code(String service) {
        return httpStatus + service + caseCode;
    }

    /** SNAP appends what was wrong: {@code Invalid Field Format X-TIMESTAMP}, {@code Unauthorized. Signature}. */
    String message(String detail) {
        return detail == null ? message : message + " " + detail;
    }
}
