package id.jamsos.payment.snap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Properties;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * DEMO ONLY: a partner bank whose keys are in this repository, so a newcomer (and a test) can pay a bill end to end
 * with {@code bank-sim}. Never under {@code prod}: there only the configured banks may call.
 */
@Component
@Profile("!prod")
class DemoBank {

    private static final String FOLDER = "id/jamsos/payment/snap/";

    private final PartnerBank bank;

    DemoBank() {
        Properties properties = new Properties();
        try (InputStream in = new ClassPathResource(FOLDER + "demo-bank.properties").getInputStream()) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bank = PartnerBank.of(new SnapProperties.Partner(properties.getProperty("partner-id"),
                properties.getProperty("client-key"), properties.getProperty("client-secret"),
                properties.getProperty("public-key"), properties.getProperty("partner-service-id"),
                properties.getProperty("name")), "demo bank");
    }

    PartnerBank bank() {
        return bank;
    }

    /** The demo bank's private key: read only by the bank simulator and the tests, which sign as the bank would. */
    static PrivateKey privateKey() {
        try (InputStream in = new ClassPathResource(FOLDER + "demo-bank-private-key.pem").getInputStream()) {
            return SnapSignatures.privateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
