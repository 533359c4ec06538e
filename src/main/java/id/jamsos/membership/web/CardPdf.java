package id.jamsos.membership.web;

import id.jamsos.membership.internal.Membership;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import id.jamsos.platform.PdfDocuments;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The digital card as a PDF to print or keep offline: a Thymeleaf XHTML template rendered by openhtmltopdf, with the
 * QR code as a PNG (the renderer draws raster images reliably; the web page keeps its inline SVG).
 */
@Component
class CardPdf {

    private final PdfDocuments pdfs;

    CardPdf(PdfDocuments pdfs) {
        this.pdfs = pdfs;
    }

    byte[] render(Membership membership, String verifyUrl, Locale locale) {
        Map<String, Object> variables = Map.of("membership", membership,
                "qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(QrCode.png(verifyUrl, 8)),
                "since", DateTimeFormatter.ofPattern("d MMMM yyyy", "en".equals(locale.getLanguage()) ? Locale.ENGLISH
                        : Locale.forLanguageTag("id")).format(membership.activatedOn()));
        return pdfs.render("membership/card-pdf", variables, locale);
    }
}
