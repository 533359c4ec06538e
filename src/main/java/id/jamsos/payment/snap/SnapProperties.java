package id.jamsos.payment.snap;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Partner banks are configuration, not code: {@code jamsos.snap.partners[0].partner-id=…} in properties, or
 * {@code JAMSOS_SNAP_PARTNERS_0_PARTNERID=…} in the environment, registers a bank without a build.
 *
 * @param partners           the banks allowed to call the SNAP endpoints
 * @param tokenLifetime      how long an access token is good for (SNAP's {@code expiresIn}, 900 s by default)
 * @param timestampTolerance how far a request's {@code X-TIMESTAMP} may be from our clock (replays of old requests
 *                           are refused; banks' clocks drift a little)
 * @param concurrency        how many SNAP requests are worked on at once per instance (0: two per core); the others
 *                           wait their turn ({@link SnapTurns})
 * @param queueTimeout       how long a request waits for its turn before it is answered SNAP's timeout, which the
 *                           bank retries under the same {@code X-EXTERNAL-ID}
 */
@ConfigurationProperties("jamsos.snap")
record SnapProperties(@DefaultValue List<Partner> partners, @DefaultValue("900s") Duration tokenLifetime,
                      @DefaultValue("5m") Duration timestampTolerance, @DefaultValue("0") int concurrency,
                      @DefaultValue("10s") Duration queueTimeout) {

    /**
     * One partner bank.
     *
     * @param partnerId        the bank's {@code X-PARTNER-ID}
     * @param clientKey        the {@code X-CLIENT-KEY} of its access-token request
     * @param clientSecret     the HMAC-SHA512 key of its transaction signatures
     * @param publicKey        its RSA public key (PEM) that checks its access-token requests
     * @param partnerServiceId the virtual-account prefix this bank puts before our customer numbers (at most 8 digits;
     *                         SNAP writes it left-padded with spaces to 8 characters)
     * @param name             shown to officers and in reports
     */
    record Partner(String partnerId, String clientKey, String clientSecret, String publicKey, String partnerServiceId,
                   String name) {
    }
}
