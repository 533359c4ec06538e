package id.jamsos.membership.web;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import id.jamsos.membership.internal.Membership;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The digital card as a PDF to print or keep offline: a Thymeleaf XHTML template rendered by openhtmltopdf, with the
 * QR code as a PNG (the renderer draws raster images reliably; the web page keeps its inline SVG).
 */
@Component
class CardPdf {

    private final ITemplateEngine templates;

    CardPdf(ITemplateEngine templates) {
        this.templates = templates;
    }

    byte[] render(Membership membership, String verifyUrl, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("membership", membership);
        context.setVariable("qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(QrCode.png(verifyUrl, 8)));
        context.setVariable("since", DateTimeFormatter.ofPattern("d MMMM yyyy",
                "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("id")).format(membership.activatedOn()));
        String xhtml = templates.process("membership/card-pdf", context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
