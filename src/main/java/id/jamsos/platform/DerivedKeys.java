package id.jamsos.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys for separate purposes from one configured secret (see {@code SecretsEnvironment}): each is HMAC-SHA-256 of
 * the secret over a label naming its purpose and version, so knowing one derived key reveals nothing of the others.
 */
public final class DerivedKeys {

    private DerivedKeys() {
    }

    /** The derived key's bytes, from a secret in Base64 and a label such as {@code "jamsos api access token v1"}. */
    public static byte[] derive(String base64Secret, String label) {
        byte[] master = Base64.getDecoder().decode(base64Secret.trim());
        return hmacSha256(master, label.getBytes(StandardCharsets.US_ASCII));
    }

    /** HMAC-SHA-256 of {@code data} under {@code key}. */
    public static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
        }
    }
}
