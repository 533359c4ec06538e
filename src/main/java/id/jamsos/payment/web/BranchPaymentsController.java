package id.jamsos.payment.web;

import id.jamsos.account.SignedInAccount;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.JakartaTime;
import id.jamsos.payment.internal.BranchDesk;
import id.jamsos.payment.internal.KnownPayer;
import id.jamsos.payment.internal.PaymentBook;
import id.jamsos.payment.internal.Payers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One payment as officers see it: its details, the cash receipt as PDF, and its reversal with a reason. */
@Controller
class BranchPaymentsController {

    private final PaymentBook book;
    private final Payers payers;
    private final BranchDesk branch;
    private final ReceiptPdf pdf;
    private final Clock clock;

    BranchPaymentsController(PaymentBook book, Payers payers, BranchDesk branch, ReceiptPdf pdf, Clock clock) {
        this.book = book;
        this.payers = payers;
        this.branch = branch;
        this.pdf = pdf;
        this.clock = clock;
    }

    @GetMapping("/petugas/pembayaran/{id:[0-9]+}")
    String payment(@PathVariable String id, Model model) {
        PaymentBook.StoredPayment payment = find(id);
        model.addAttribute("payment", payment);
        model.addAttribute("payer", Optional.ofNullable(payment.customerNumber()).flatMap(payers::byCustomerNumber)
                .orElse(null));
        model.addAttribute("reversal", book.reversalOf(payment.id()).orElse(null));
        return "payment/branch-payment";
    }

    @GetMapping("/petugas/pembayaran/{id:[0-9]+}/kuitansi.pdf")
    ResponseEntity<byte[]> receipt(@PathVariable String id, Locale locale) {
        PaymentBook.StoredPayment payment = find(id);
        if (payment.receiptNumber() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("payment", payment);
        variables.put("payer", payers.byCustomerNumber(payment.customerNumber()).map(KnownPayer::name).orElse("-"));
        variables.put("day", payment.paidOn());
        variables.put("time", payment.receivedAt()
                .atZone(JakartaTime.ZONE).toLocalTime().withNano(0).toString());
        variables.put("reversed", book.reversalOf(payment.id()).isPresent());
        byte[] document = pdf.render(variables, locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(payment.receiptNumber() + ".pdf").build().toString())
                .body(document);
    }

    @PostMapping("/petugas/pembayaran/{id:[0-9]+}/batal")
    String reverse(@AuthenticationPrincipal SignedInAccount officer, @PathVariable String id,
                   @RequestParam(required = false) String reason, HttpServletRequest request,
                   HttpServletResponse response, Model model, RedirectAttributes redirect) {
        PaymentBook.StoredPayment payment = find(id);
        BranchDesk.Reversal outcome;
        try {
            outcome = branch.reverse(Officers.of(officer, request), payment.id(),
                    BranchForms.text(reason, "payment.reason.invalid"));
        } catch (InvalidValue e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.messageKey());
            return payment(id, model);
        }
        if (outcome instanceof BranchDesk.Reversal.Reversed reversed) {
            redirect.addFlashAttribute("notice", "payment.reversal.done");
            return "redirect:/petugas/pembayaran/" + reversed.reversalId();
        }
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        model.addAttribute("error", outcome instanceof BranchDesk.Reversal.DrawerClosed
                ? "payment.drawer.closed" : "payment.reversal.refused");
        return payment(id, model);
    }

    private PaymentBook.StoredPayment find(String id) {
        return PaymentIds.parse(id).flatMap(book::byId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
