package id.jamsos.ledger.internal;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** The yearly JHT statement as PDF: the XHTML template {@code ledger/statement-pdf} rendered by openhtmltopdf. */
@Component
public class StatementPdf {

    private final ITemplateEngine templates;

    StatementPdf(ITemplateEngine templates) {
        this.templates = templates;
    }

    public byte[] render(Map<String, Object> variables, Locale locale) {
        String xhtml = templates.process("ledger/statement-pdf", new Context(locale, variables));
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
