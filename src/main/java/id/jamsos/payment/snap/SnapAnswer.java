package id.jamsos.payment.snap;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An answer as sent: HTTP status, the exact body bytes, and the response's X-TIMESTAMP. */
record SnapAnswer(int httpStatus, byte[] body, String timestamp) {

    ResponseEntity<byte[]> entity() {
        return ResponseEntity.status(httpStatus).contentType(MediaType.APPLICATION_JSON).header("X-TIMESTAMP", timestamp)
                .body(body);
    }
}
