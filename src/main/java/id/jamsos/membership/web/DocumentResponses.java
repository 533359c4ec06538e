package id.jamsos.membership.web;

import id.jamsos.account.Role;
import id.jamsos.account.SignedInAccount;
import id.jamsos.document.StoredDocument;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;

/** How documents leave the server, and who may use the member's pages; shared by the member's and officers' pages. */
final class DocumentResponses {

    private DocumentResponses() {
    }

    /**
     * Images shown inline, PDFs only downloaded; a sandboxing Content-Security-Policy either way (with Spring
     * Security's {@code nosniff}), no caching, and a file name of our own, never the uploader's.
     */
    static ResponseEntity<byte[]> of(StoredDocument document) {
        boolean image = document.contentType().startsWith("image/");
        String name = document.kind().name().toLowerCase()
                + (image ? (document.contentType().endsWith("png") ? ".png" : ".jpg") : ".pdf");
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        (image ? ContentDisposition.inline() : ContentDisposition.attachment()).filename(name).build().toString())
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(document.content());
    }

    /** Only a member applies for membership; staff accounts have no application. */
    static SignedInAccount memberOnly(SignedInAccount account) {
        if (account == null || !account.is(Role.MEMBER)) {
            throw new AccessDeniedException("membership pages are for members");
        }
        return account;
    }
}
