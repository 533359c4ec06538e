/**
 * Virtual-account payments over Bank Indonesia's SNAP standard ("transfer-va"): the endpoints partner banks call
 * ({@code /snap/v1.0/access-token/b2b}, {@code /snap/v1.0/transfer-va/inquiry|payment|status}), their signatures,
 * idempotency by {@code X-EXTERNAL-ID}, the partner banks as configuration, and the demo bank's simulator.
 *
 * <p>One virtual account per payer, the amount decided at inquiry: the number is the bank's prefix
 * ({@code partnerServiceId}) and the payer's customer number, which never changes, so it can be printed, saved in a
 * banking app and reused every month; what it must pay is whatever {@code PaymentDesk.due} says on the day (all
 * arrears with penalties, or the months a member chose to pay ahead). One VA per bill would need a new number each
 * month and leave old numbers that can still be paid after the bill changed.
 *
 * <p>Exactly once: a request is authenticated before anything is recorded; then, in one transaction, its
 * {@code X-EXTERNAL-ID} is claimed (unique per partner and day), the payment desk records the money (its own payer
 * lock and unique reference per bank make concurrent or repeated payments of one bill pay once), and the answer's
 * bytes are stored. A retry gets the stored answer byte for byte; an advice ({@code flagAdvise=Y}) repeats a payment
 * under the same {@code paymentRequestId} and is answered with its first outcome.
 */
package id.jamsos.payment.snap;
