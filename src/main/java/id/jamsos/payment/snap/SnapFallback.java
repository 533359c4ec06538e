package id.jamsos.payment.snap;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Anything else under {@code /snap}: a wrong path or method gets SNAP JSON too (service code 00), never the HTML
 * error page a browser would see, because a bank's system reads only JSON.
 */
@RestController
class SnapFallback {

    private final Clock clock;

    SnapFallback(Clock clock) {
        this.clock = clock;
    }

    @RequestMapping("/snap/**")
    ResponseEntity<byte[]> elsewhere(HttpServletRequest request) {
        boolean known = request.getRequestURI().equals(SnapClient.TOKEN_PATH)
                || request.getRequestURI().startsWith("/snap/v1.0/transfer-va/");
        int status = known ? 405 : 404;
        String body = "{\"responseCode\":\"" + status + "0000\",\"responseMessage\":\""
                + (known ? "Method Not Allowed" : "Not Found") + "\"}";
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .header("X-TIMESTAMP", SnapTime.format(clock.instant()))
                .body(body.getBytes(StandardCharsets.UTF_8));
    }
}
