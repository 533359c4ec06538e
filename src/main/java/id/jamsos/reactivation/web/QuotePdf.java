package id.jamsos.reactivation.web;

import id.jamsos.reactivation.internal.Reactivations;
import id.jamsos.platform.PdfDocuments;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The reactivation quote as PDF: the XHTML template {@code reactivation/quote-pdf} rendered by openhtmltopdf. */
@Component
class QuotePdf {

    private final PdfDocuments pdfs;

    QuotePdf(PdfDocuments pdfs) {
        this.pdfs = pdfs;
    }

    byte[] render(Reactivations.Quote quote, Locale locale) {
        return pdfs.render("reactivation/quote-pdf", Map.of("quote", quote), locale);
    }
}
