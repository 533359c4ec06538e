package id.jamsos.platform;

/**
 * Protection of personal data at rest (NIK, KK numbers, documents): authenticated encryption, and a keyed hash
 * beside each encrypted identifier so it can be found and kept unique without decrypting anything. The key comes
 * from {@code JAMSOS_SECRETS_PERSONAL_DATA_KEY}; production refuses to start without it.
 */
public interface PersonalData {

    /** Encrypts; the same input gives a different output every time. */
    byte[] seal(byte[] plain);

    /** Decrypts what {@link #seal} produced; refuses anything altered. */
    byte[] open(byte[] sealed);

    /** A stable keyed hash (HMAC-SHA-256) of a normalised value, for lookups and unique constraints. */
    byte[] lookupHash(String normalised);
}
