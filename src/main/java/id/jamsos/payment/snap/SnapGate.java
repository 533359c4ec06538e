package id.jamsos.payment.snap;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Component;

/**
 * Who is calling, proven by SNAP's signatures; a request that fails any check is refused before anything is read from
 * its body or recorded. Order: mandatory headers present and well formed, then the token, the partner, the
 * signature, and the time window (an old request replayed outside it is refused even with a valid signature).
 */
@Component
class SnapGate {

    private static final String BEARER = "Bearer ";

    private final PartnerBanks banks;
    private final AccessTokens tokens;
    private final Duration tolerance;

    /** A bank whose transaction request passed every check. */
    record Caller(PartnerBank bank, String externalId, String channelId) {
    }

    SnapGate(PartnerBanks banks, AccessTokens tokens, SnapProperties properties) {
        this.banks = banks;
        this.tokens = tokens;
        this.tolerance = properties.timestampTolerance();
    }

    /** The access-token request: {@code X-SIGNATURE} = SHA256withRSA(clientKey|X-TIMESTAMP) by the bank's key. */
    PartnerBank tokenRequest(HttpServletRequest request, Instant now) {
        String timestamp = header(request, "X-TIMESTAMP", 40);
        String clientKey = header(request, "X-CLIENT-KEY", 100);
        String signature = header(request, "X-SIGNATURE", 2_000);
        Instant at = instant(timestamp);
        PartnerBank bank = banks.byClientKey(clientKey)
                .orElseThrow(() -> new SnapRefusal(SnapCase.UNAUTHORIZED, "Unknown Client"));
        if (!SnapSignatures.verifyRsa(bank.publicKey(), SnapSignatures.tokenStringToSign(clientKey, timestamp), signature)) {
            throw new SnapRefusal(SnapCase.UNAUTHORIZED, "Signature");
        }
        inWindow(at, now);
        return bank;
    }

    /** A transfer-va request: bearer token, partner, HMAC-SHA512 signature over the request, time window. */
    Caller transaction(HttpServletRequest request, byte[] body, Instant now) {
        String timestamp = header(request, "X-TIMESTAMP", 40);
        String signature = header(request, "X-SIGNATURE", 2_000);
        String partnerId = header(request, "X-PARTNER-ID", 36);
        String externalId = header(request, "X-EXTERNAL-ID", 36);
        String channelId = header(request, "CHANNEL-ID", 5);
        if (!externalId.matches("[0-9A-Za-z-]{1,36}")) {
            throw new SnapRefusal(SnapCase.INVALID_FIELD_FORMAT, "X-EXTERNAL-ID");
        }
        if (!channelId.matches("[0-9A-Za-z]{1,5}")) {
            throw new SnapRefusal(SnapCase.INVALID_FIELD_FORMAT, "CHANNEL-ID");
        }
        Instant at = instant(timestamp);
        String authorization = header(request, "Authorization", 200);
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new SnapRefusal(SnapCase.INVALID_TOKEN, null);
        }
        String token = authorization.substring(BEARER.length()).strip();
        PartnerBank bank = tokens.holder(token, now).orElseThrow(() -> new SnapRefusal(SnapCase.INVALID_TOKEN, null));
        if (!bank.partnerId().equals(partnerId)) {
            throw new SnapRefusal(SnapCase.UNAUTHORIZED, "X-PARTNER-ID");
        }
        String stringToSign = SnapSignatures.transactionStringToSign(request.getMethod(), request.getRequestURI(), token,
                body, timestamp);
        if (!SnapSignatures.verifyHmac(bank.clientSecret(), stringToSign, signature)) {
            throw new SnapRefusal(SnapCase.UNAUTHORIZED, "Signature");
        }
        inWindow(at, now);
        return new Caller(bank, externalId, channelId);
    }

    private void inWindow(Instant at, Instant now) {
        if (Duration.between(at, now).abs().compareTo(tolerance) > 0) {
            throw new SnapRefusal(SnapCase.UNAUTHORIZED, "X-TIMESTAMP");
        }
    }

    /** SNAP: {@code yyyy-MM-ddTHH:mm:ssTZD}, e.g. {@code 2026-12-01T10:55:00+07:00}; the offset is mandatory. */
    static Instant instant(String timestamp) {
        try {
            return OffsetDateTime.parse(timestamp, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new SnapRefusal(SnapCase.INVALID_FIELD_FORMAT, "X-TIMESTAMP");
        }
    }

    private static String header(HttpServletRequest request, String name, int maxLength) {
        String value = request.getHeader(name);
        if (value == null || value.isBlank()) {
            throw new SnapRefusal(SnapCase.MISSING_FIELD, name);
        }
        if (value.length() > maxLength) {
            throw new SnapRefusal(SnapCase.INVALID_FIELD_FORMAT, name);
        }
        return value.strip();
    }
}
