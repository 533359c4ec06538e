package id.jamsos.reactivation.web;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import id.jamsos.reactivation.internal.Reactivations;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** The reactivation quote as PDF: the XHTML template {@code reactivation/quote-pdf} rendered by openhtmltopdf. */
@Component
class QuotePdf {

    private final ITemplateEngine templates;

    QuotePdf(ITemplateEngine templates) {
        this.templates = templates;
    }

    byte[] render(Reactivations.Quote quote, Locale locale) {
        String xhtml = templates.process("reactivation/quote-pdf", new Context(locale, Map.of("quote", quote)));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }
}
