package id.jamsos.document.internal;

import id.jamsos.common.InvalidValue;
import id.jamsos.document.Documents;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decides what an upload is from its bytes, never from its name or the browser's claim, and makes it safe to keep
 * and show. Images are decoded and encoded again, which drops anything appended or hidden in them (an HTML or script
 * "polyglot", metadata with the location of the photo). PDFs are refused when they carry active content.
 */
final class DocumentContent {

    record Checked(String contentType, byte[] bytes) {
    }

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    /** A card photographed at 12 MP is 4000 × 3000; anything far larger is not a card, or is a decompression bomb. */
    private static final int MAX_SIDE_PIXELS = 10_000;
    private static final long MAX_PIXELS = 50_000_000L;
    /** PDF names that run code or open something when the file is viewed. */
    private static final List<String> ACTIVE_PDF_NAMES = List.of("/JavaScript", "/JS", "/OpenAction", "/AA",
            "/Launch", "/EmbeddedFile", "/RichMedia", "/XFA", "/SubmitForm", "/ImportData");

    private static final List<String> MARKUP = List.of("<html", "<script", "<!doctype", "<body", "<svg", "<iframe",
            "<object", "<embed", "javascript:");

    private DocumentContent() {
    }

    static Checked check(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new InvalidValue("document.empty");
        }
        if (upload.length > Documents.MAX_BYTES) {
            throw new InvalidValue("document.too-large", Documents.MAX_BYTES / (1024 * 1024));
        }
        if (containsMarkup(upload)) {
            throw new InvalidValue("document.polyglot");
        }
        if (startsWith(upload, JPEG)) {
            return new Checked("image/jpeg", reencoded(upload, "jpeg"));
        }
        if (startsWith(upload, PNG)) {
            return new Checked("image/png", reencoded(upload, "png"));
        }
        if (startsWith(upload, PDF)) {
            return new Checked("application/pdf", checkedPdf(upload));
        }
        throw new InvalidValue("document.type");
    }

    private static byte[] reencoded(byte[] upload, String format) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (input == null || !readers.hasNext()) {
                throw new InvalidValue("document.unreadable");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > MAX_SIDE_PIXELS || height > MAX_SIDE_PIXELS || (long) width * height > MAX_PIXELS) {
                    throw new InvalidValue("document.too-large-image");
                }
                BufferedImage image = reader.read(0);
                BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                rgb.createGraphics().drawImage(image, 0, 0, java.awt.Color.WHITE, null);
                ByteArrayOutputStream out = new ByteArrayOutputStream(upload.length);
                if (!ImageIO.write(rgb, format, out)) {
                    throw new InvalidValue("document.unreadable");
                }
                return out.toByteArray();
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidValue invalid) {
                throw invalid;
            }
            throw new InvalidValue("document.unreadable");
        }
    }

    /**
     * A PDF is kept as it is, so it must not carry active content. The check reads the file's own names; content
     * hidden in compressed object streams is not seen, which is why PDFs are only ever served as downloads with a
     * sandboxing Content-Security-Policy, never run in the site's origin.
     */
    private static byte[] checkedPdf(byte[] upload) {
        String text = new String(upload, StandardCharsets.ISO_8859_1);
        for (String name : ACTIVE_PDF_NAMES) {
            int at = text.indexOf(name);
            while (at >= 0) {
                int next = at + name.length();
                // "/JS" must not match "/JSomething" (a name that merely starts the same).
                if (next >= text.length() || !Character.isLetterOrDigit(text.charAt(next))) {
                    throw new InvalidValue("document.pdf-active");
                }
                at = text.indexOf(name, next);
            }
        }
        if (!text.substring(Math.max(0, text.length() - 1024)).contains("%%EOF")) {
            throw new InvalidValue("document.unreadable");
        }
        return Arrays.copyOf(upload, upload.length);
    }

    /**
     * HTML or SVG anywhere in the file: a "polyglot" that is a valid picture and a web page at once, made to run
     * script if a browser ever sniffs it. No photo or scan of a card contains such text.
     */
    private static boolean containsMarkup(byte[] upload) {
        String text = new String(upload, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        return MARKUP.stream().anyMatch(text::contains);
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
