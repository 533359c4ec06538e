package id.jamsos.document;

import java.time.Instant;
import java.util.UUID;

/** A document as its owner gets it back: the content type was decided from the content when it was stored. */
public record StoredDocument(UUID id, DocumentKind kind, String contentType, byte[] content, Instant storedAt) {
}
