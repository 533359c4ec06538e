package id.jamsos.payment.snap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two signatures of Bank Indonesia's SNAP standard, used by the platform to check a bank and by the bank simulator
 * and the test fixture to sign as a bank does: one code path for both sides.
 * <ul>
 * <li>asymmetric (access token): SHA256withRSA over {@code clientKey|X-TIMESTAMP}, Base64, checked with the bank's
 * public key;</li>
 * <li>symmetric (transactions): HMAC-SHA512 with the bank's client secret over
 * {@code METHOD:path:accessToken:lowercase(hex(SHA-256(minify(body)))):X-TIMESTAMP}, Base64.</li>
 * </ul>
 */
public final class SnapSignatures {

    private SnapSignatures() {
    }

    public static String tokenStringToSign(String clientKey, String timestamp) {
        return clientKey + "|" + timestamp;
    }

    public static String transactionStringToSign(String method, String path, String accessToken, byte[] body,
                                                 String timestamp) {
        return method + ":" + path + ":" + accessToken + ":" + sha256Hex(minify(body)) + ":" + timestamp;
    }

    public static String signRsa(PrivateKey key, String stringToSign) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(stringToSign.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with RSA", e);
        }
    }

    /** False for any malformed signature too: a bad signature is a refusal, never an error. */
    public static boolean verifyRsa(PublicKey key, String stringToSign, String signatureBase64) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update(stringToSign.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    public static String hmac(byte[] clientSecret, String stringToSign) {
        return Base64.getEncoder().encodeToString(hmacBytes(clientSecret, stringToSign));
    }

    /** Compared in constant time, so the answer's timing says nothing about how much of a forged signature matched. */
    public static boolean verifyHmac(byte[] clientSecret, String stringToSign, String signatureBase64) {
        byte[] offered;
        try {
            offered = Base64.getDecoder().decode(signatureBase64);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmacBytes(clientSecret, stringToSign), offered);
    }

    private static byte[] hmacBytes(byte[] clientSecret, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(clientSecret, "HmacSHA512"));
            return mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA512 unavailable", e);
        }
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /**
     * The body without the whitespace between JSON tokens (SNAP's "minify"); whitespace inside strings stays. Done on
     * the bytes, not by parsing and writing again, so numbers and escapes keep the form the bank signed.
     */
    public static byte[] minify(byte[] json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length);
        boolean inString = false;
        boolean escaped = false;
        for (byte b : json) {
            if (inString) {
                out.write(b);
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
                out.write(b);
            } else if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    /** An X.509 SubjectPublicKeyInfo in PEM ({@code -----BEGIN PUBLIC KEY-----}); text around the block is ignored. */
    public static PublicKey publicKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pemBlock(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA public key", e);
        }
    }

    /** A PKCS #8 private key in PEM ({@code -----BEGIN PRIVATE KEY-----}). */
    public static PrivateKey privateKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pemBlock(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA private key", e);
        }
    }

    private static byte[] pemBlock(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no " + begin + " block");
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }
}
