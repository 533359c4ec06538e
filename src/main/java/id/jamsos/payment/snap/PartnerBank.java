package id.jamsos.payment.snap;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;

/** A configured partner bank, checked once at start: every field present, the key readable, the prefix well formed. */
record PartnerBank(String partnerId, String clientKey, byte[] clientSecret, PublicKey publicKey, String partnerServiceId,
                   String name) {

    /** SNAP: {@code partnerServiceId} is 8 characters, the prefix left-padded with spaces. */
    static final int SERVICE_ID_LENGTH = 8;

    static PartnerBank of(SnapProperties.Partner partner, String where) {
        String partnerId = required(partner.partnerId(), where + ".partner-id", 36);
        String clientKey = required(partner.clientKey(), where + ".client-key", 100);
        String secret = required(partner.clientSecret(), where + ".client-secret", 500);
        if (secret.length() < 32) {
            throw new IllegalStateException(where + ".client-secret must be at least 32 characters");
        }
        String pem = required(partner.publicKey(), where + ".public-key", 10_000);
        PublicKey key;
        try {
            key = SnapSignatures.publicKey(pem);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ".public-key is not an RSA public key in PEM", e);
        }
        String prefix = required(partner.partnerServiceId(), where + ".partner-service-id", SERVICE_ID_LENGTH).strip();
        if (!prefix.matches("[0-9]{1,8}")) {
            throw new IllegalStateException(where + ".partner-service-id must be 1 to 8 digits");
        }
        String name = required(partner.name(), where + ".name", 100);
        return new PartnerBank(partnerId, clientKey, secret.getBytes(StandardCharsets.UTF_8), key, padded(prefix), name);
    }

    static String padded(String prefix) {
        return " ".repeat(SERVICE_ID_LENGTH - prefix.length()) + prefix;
    }

    private static String required(String value, String name, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is missing");
        }
        if (value.length() > maxLength) {
            throw new IllegalStateException(name + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    @Override
    public String toString() {
        return "PartnerBank[" + partnerId + ", " + name + "]";
    }
}
