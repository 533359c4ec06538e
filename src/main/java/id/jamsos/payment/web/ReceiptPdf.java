package id.jamsos.payment.web;

import id.jamsos.platform.PdfDocuments;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The cash receipt (kuitansi) as PDF: the XHTML template {@code payment/receipt-pdf} rendered by openhtmltopdf. */
@Component
class ReceiptPdf {

    private final PdfDocuments pdfs;

    ReceiptPdf(PdfDocuments pdfs) {
        this.pdfs = pdfs;
    }

    byte[] render(Map<String, Object> variables, Locale locale) {
        return pdfs.render("payment/receipt-pdf", variables, locale);
    }
}
