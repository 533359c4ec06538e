package id.jamsos.payment.web;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** The cash receipt (kuitansi) as PDF: the XHTML template {@code payment/receipt-pdf} rendered by openhtmltopdf. */
@Component
class ReceiptPdf {

    private final ITemplateEngine templates;

    ReceiptPdf(ITemplateEngine templates) {
        this.templates = templates;
    }

    byte[] render(Map<String, Object> variables, Locale locale) {
        String xhtml = templates.process("payment/receipt-pdf", new Context(locale, variables));
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
