package id.jamsos.payment.snap;

/** A request SNAP says to refuse, with the case and the field or reason appended to SNAP's message. */
class SnapRefusal extends RuntimeException {

    final SnapCase snapCase;
    final String detail;

    SnapRefusal(SnapCase snapCase, String detail) {
        super(snapCase.message(detail), null, false, false);
        this.snapCase = snapCase;
        this.detail = detail;
    }
}
