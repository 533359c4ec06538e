package id.jamsos.payment.web;

import id.jamsos.account.SignedInAccount;
import id.jamsos.common.InvalidValue;
import id.jamsos.payment.internal.BranchDesk;
import id.jamsos.payment.internal.KnownPayer;
import id.jamsos.payment.internal.Payers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Dana titipan": transfers that matched no payer, until an officer assigns each to one (audited). */
@Controller
class SuspenseController {

    private final BranchDesk branch;
    private final Payers payers;

    SuspenseController(BranchDesk branch, Payers payers) {
        this.branch = branch;
        this.payers = payers;
    }

    @GetMapping("/petugas/pembayaran/titipan")
    String list(Model model) {
        model.addAttribute("suspense", branch.suspense());
        return "payment/suspense";
    }

    @PostMapping("/petugas/pembayaran/titipan/{id}")
    String assign(@AuthenticationPrincipal SignedInAccount officer, @PathVariable String id,
                  @RequestParam(required = false) String payer, @RequestParam(required = false) String note,
                  HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        long paymentId = PaymentIds.parse(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            KnownPayer known = payers.byCustomerNumber(BranchForms.customerNumber(payer))
                    .orElseThrow(() -> new InvalidValue("payment.search.none"));
            String text = BranchForms.text(note, "payment.note.invalid");
            if (!branch.assign(Officers.of(officer, request), paymentId, known, text)) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
        } catch (InvalidValue e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.messageKey());
            return list(model);
        }
        redirect.addFlashAttribute("notice", "payment.suspense.assigned");
        return "redirect:/petugas/pembayaran/" + paymentId;
    }
}
