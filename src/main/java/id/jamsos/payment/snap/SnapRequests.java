package id.jamsos.payment.snap;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The record of transfer-va requests by {@code X-EXTERNAL-ID} (unique per partner per day, a database constraint),
 * each with the answer it was given. A request is recorded with its answer at the end of its transaction; of two
 * copies processed side by side only the first to commit is recorded, and the other's transaction is rolled back.
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

    /**
     * Records the request under its key with its answer, received and answered {@code at}; false when the key was used already (then nothing is
     * written). A request recorded under the key by a transaction that has not ended yet is waited for: if it
     * commits, this one is not recorded; if it rolls back, this one is.
     */
    boolean record(Key key, String service, byte[] bodyHash, String paymentRequestId, SnapAnswer answer, boolean paid,
                   Instant at) {
        return !jdbc.sql("INSERT INTO payment.snap_request (partner_id, day, external_id, service, body_hash,"
                        + " payment_request_id, received_at, http_status, response, paid, answered_at)"
                        + " VALUES (:partner, :day, :external, :service, :hash, :paymentRequestId, :at, :status,"
                        + " :response, :paid, :at)"
                        + " ON CONFLICT ON CONSTRAINT snap_request_once DO NOTHING RETURNING external_id")
                .param("partner", key.partnerId()).param("day", key.day()).param("external", key.externalId())
                .param("service", service).param("hash", bodyHash).param("paymentRequestId", paymentRequestId)
                .param("at", Timestamp.from(at)).param("status", answer.httpStatus())
                .param("response", answer.body()).param("paid", paid)
                .query(String.class).list().isEmpty();
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

    /** The answer to a bank's payment, preferring the one that was accepted; empty if the bank never sent it. */
    Optional<byte[]> paymentAnswer(String partnerId, String paymentRequestId) {
        return jdbc.sql("SELECT response FROM payment.snap_request WHERE partner_id = :partner AND service = '25'"
                        + " AND payment_request_id = :paymentRequestId AND response IS NOT NULL"
                        + " ORDER BY paid DESC, received_at LIMIT 1")
                .param("partner", partnerId).param("paymentRequestId", paymentRequestId)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }
}
