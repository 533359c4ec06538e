package id.jamsos.document.internal;

import id.jamsos.document.DocumentKind;
import id.jamsos.document.Documents;
import id.jamsos.document.StoredDocument;
import id.jamsos.platform.PersonalData;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Documents in PostgreSQL, sealed; every read names the owner. */
@Service
class JdbcDocuments implements Documents {

    private final JdbcClient jdbc;
    private final PersonalData personalData;
    private final Clock clock;

    JdbcDocuments(JdbcClient jdbc, PersonalData personalData, Clock clock) {
        this.jdbc = jdbc;
        this.personalData = personalData;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UUID store(UUID ownerAccountId, DocumentKind kind, byte[] content) {
        DocumentContent.Checked checked = DocumentContent.check(content);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO document.document (id, owner_account_id, kind, content_type, size_bytes, sha256,
                                                       sealed, created_at)
                        VALUES (:id, :owner, :kind, :type, :size, :sha256, :sealed, :at)""")
                .param("id", id)
                .param("owner", ownerAccountId)
                .param("kind", kind.name())
                .param("type", checked.contentType())
                .param("size", checked.bytes().length)
                .param("sha256", sha256(checked.bytes()))
                .param("sealed", personalData.seal(checked.bytes()))
                .param("at", Timestamp.from(clock.instant()))
                .update();
        return id;
    }

    @Override
    public Map<DocumentKind, String> stored(UUID ownerAccountId) {
        Map<DocumentKind, String> stored = new EnumMap<>(DocumentKind.class);
        jdbc.sql("""
                        SELECT DISTINCT ON (kind) kind, content_type FROM document.document
                         WHERE owner_account_id = :owner
                         ORDER BY kind, created_at DESC""")
                .param("owner", ownerAccountId)
                .query((rs, row) -> stored.put(DocumentKind.valueOf(rs.getString("kind")), rs.getString("content_type")))
                .list();
        return stored;
    }

    @Override
    public Optional<StoredDocument> latest(UUID ownerAccountId, DocumentKind kind) {
        return jdbc.sql("""
                        SELECT id, content_type, sealed, created_at FROM document.document
                         WHERE owner_account_id = :owner AND kind = :kind
                         ORDER BY created_at DESC LIMIT 1""")
                .param("owner", ownerAccountId)
                .param("kind", kind.name())
                .query((rs, row) -> new StoredDocument(rs.getObject("id", UUID.class), kind,
                        rs.getString("content_type"), personalData.open(rs.getBytes("sealed")),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
