package id.jamsos.platform.internal;

import id.jamsos.platform.PersonalData;
import id.jamsos.platform.DerivedKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM with a random 96-bit nonce per value; the stored form is {@code version (1 byte) | nonce (12) |
 * ciphertext and tag}. The encryption key and the lookup-hash key are derived from the configured secret with
 * HMAC-SHA-256 under different labels, so the hash never reveals anything about the encryption key. The version
 * byte leaves room for key rotation.
 */
@Component
class AesGcmPersonalData implements PersonalData {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final byte[] lookupKey;
    private final SecureRandom random = new SecureRandom();

    AesGcmPersonalData(@Value("${jamsos.secrets.personal-data-key}") String secret) {
        this.encryptionKey = new SecretKeySpec(DerivedKeys.derive(secret, "jamsos personal data encryption v1"), "AES");
        this.lookupKey = DerivedKeys.derive(secret, "jamsos personal data lookup v1");
    }

    @Override
    public byte[] seal(byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(new byte[] {VERSION});
            byte[] encrypted = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + encrypted.length).put(VERSION).put(nonce).put(encrypted).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    @Override
    public byte[] open(byte[] sealed) {
        if (sealed == null || sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new IllegalArgumentException("not a sealed value of version " + VERSION);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(new byte[] {VERSION});
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("the sealed value was altered or sealed with another key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    @Override
    public byte[] lookupHash(String normalised) {
        return DerivedKeys.hmacSha256(lookupKey, normalised.getBytes(StandardCharsets.UTF_8));
    }
}
