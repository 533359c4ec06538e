package id.jamsos.payment.snap;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The record of transfer-va requests by {@code X-EXTERNAL-ID} (unique per partner per day, a database constraint).
 * Claiming inserts the row; a second claim of the same id waits for the first transaction and then finds its
 * committed answer, so two copies of one request are never processed side by side.
 */
@Component
class SnapRequests {

    private final JdbcClient jdbc;

    SnapRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Key(String partnerId, LocalDate day, String externalId) {
    }

    record Stored(String service, byte[] bodyHash, String paymentRequestId, SnapAnswer answer) {
    }

    /** The row's id if this request is the first under its key; empty if the key was already used. */
    Optional<Long> claim(Key key, String service, byte[] bodyHash, String paymentRequestId, Instant at) {
        return jdbc.sql("INSERT INTO payment.snap_request (partner_id, day, external_id, service, body_hash,"
                        + " payment_request_id, received_at) VALUES (:partner, :day, :external, :service, :hash,"
                        + " :paymentRequestId, :at) ON CONFLICT ON CONSTRAINT snap_request_once DO NOTHING RETURNING id")
                .param("partner", key.partnerId()).param("day", key.day()).param("external", key.externalId())
                .param("service", service).param("hash", bodyHash).param("paymentRequestId", paymentRequestId)
                .param("at", Timestamp.from(at))
                .query(Long.class).optional();
    }

    Optional<Stored> find(Key key) {
        return jdbc.sql("SELECT service, body_hash, payment_request_id, http_status, response, answered_at"
                        + " FROM payment.snap_request WHERE partner_id = :partner AND day = :day AND external_id = :external")
                .param("partner", key.partnerId()).param("day", key.day()).param("external", key.externalId())
                .query((rs, n) -> new Stored(rs.getString(1), rs.getBytes(2), rs.getString(3),
                        new SnapAnswer(rs.getInt(4), rs.getBytes(5), rs.getString(6) == null ? null
                                : SnapTime.format(rs.getTimestamp(6).toInstant()))))
                .optional();
    }

    void answer(long id, SnapAnswer answer, boolean paid, Instant at) {
        jdbc.sql("UPDATE payment.snap_request SET http_status = :status, response = :response, paid = :paid,"
                        + " answered_at = :at WHERE id = :id AND response IS NULL")
                .param("status", answer.httpStatus()).param("response", answer.body()).param("paid", paid)
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    /** The answer to a bank's payment, preferring the one that was accepted; empty if the bank never sent it. */
    Optional<byte[]> paymentAnswer(String partnerId, String paymentRequestId) {
        return jdbc.sql("SELECT response FROM payment.snap_request WHERE partner_id = :partner AND service = '25'"
                        + " AND payment_request_id = :paymentRequestId AND response IS NOT NULL"
                        + " ORDER BY paid DESC, id LIMIT 1")
                .param("partner", partnerId).param("paymentRequestId", paymentRequestId)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }
}
