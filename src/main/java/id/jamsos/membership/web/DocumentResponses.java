package id.jamsos.membership.web;

import id.jamsos.account.Role;
import id.jamsos.account.SignedInAccount;
import id.jamsos.document.StoredDocument;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
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

    /** The longest side of a rendered PDF page, in pixels: enough to read a KTP, bounded in memory. */
    private static final int PREVIEW_PIXELS = 1600;

    /**
     * What an officer sees inline: an image as it is, a PDF's first page rendered as a PNG on the server (the PDF itself
     * never runs in the officer's browser). Empty when the PDF cannot be rendered; the download link stays.
     */
    static ResponseEntity<byte[]> preview(StoredDocument document) {
        if (document.contentType().startsWith("image/")) {
            return of(document);
        }
        try (PDDocument pdf = Loader.loadPDF(document.content())) {
            if (pdf.getNumberOfPages() == 0) {
                return ResponseEntity.notFound().build();
            }
            PDRectangle page = pdf.getPage(0).getMediaBox();
            float longest = Math.max(page.getWidth(), page.getHeight()); // in points, 72 a inch
            float dpi = Math.min(150f, PREVIEW_PIXELS * 72f / Math.max(longest, 1f));
            BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, dpi, ImageType.RGB);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return ResponseEntity.ok()
                    .contentType(MediaType.IMAGE_PNG)
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.inline().filename(document.kind().name().toLowerCase() + "-1.png").build().toString())
                    .header("Content-Security-Policy", "default-src 'none'; sandbox")
                    .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                    .body(png.toByteArray());
        } catch (IOException | RuntimeException e) {
            return ResponseEntity.notFound().build();
        }
    }

    /** Only a member applies for membership; staff accounts have no application. */
    static SignedInAccount memberOnly(SignedInAccount account) {
        if (account == null || !account.is(Role.MEMBER)) {
            throw new AccessDeniedException("membership pages are for members");
        }
        return account;
    }
}
