package id.jamsos.document;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What other modules call to keep and show documents. */
public interface Documents {

    /** 5 MB: a phone photo of a card, or a scan, fits well within it. */
    int MAX_BYTES = 5 * 1024 * 1024;

    /**
     * Checks the content (a real JPEG, PNG or PDF; no script inside), re-encodes images, seals it and stores it for
     * its owner. Throws {@link id.jamsos.common.InvalidValue} with the reason when refused; nothing is stored then.
     */
    UUID store(UUID ownerAccountId, DocumentKind kind, byte[] content);

    /** The content type of the owner's newest document of each kind they have uploaded; nothing is decrypted. */
    Map<DocumentKind, String> stored(UUID ownerAccountId);

    /** The newest document of that kind of that owner; never another owner's. */
    Optional<StoredDocument> latest(UUID ownerAccountId, DocumentKind kind);
}
