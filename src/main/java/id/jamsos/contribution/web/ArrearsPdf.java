package id.jamsos.contribution.web;

import id.jamsos.platform.PdfDocuments;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The arrears statement as PDF: the XHTML template {@code contribution/arrears-pdf} rendered by openhtmltopdf. */
@Component
class ArrearsPdf {

    private final PdfDocuments pdfs;

    ArrearsPdf(PdfDocuments pdfs) {
        this.pdfs = pdfs;
    }

    byte[] render(Map<String, Object> variables, Locale locale) {
        return pdfs.render("contribution/arrears-pdf", variables, locale);
    }
}
