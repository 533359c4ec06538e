package id.jamsos.ledger.internal;

import id.jamsos.platform.PdfDocuments;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The yearly JHT statement as PDF: the XHTML template {@code ledger/statement-pdf} rendered by openhtmltopdf. */
@Component
public class StatementPdf {

    private final PdfDocuments pdfs;

    StatementPdf(PdfDocuments pdfs) {
        this.pdfs = pdfs;
    }

    public byte[] render(Map<String, Object> variables, Locale locale) {
        return pdfs.render("ledger/statement-pdf", variables, locale);
    }
}
