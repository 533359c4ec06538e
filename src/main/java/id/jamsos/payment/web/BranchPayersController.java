package id.jamsos.payment.web;

import id.jamsos.account.SignedInAccount;
import id.jamsos.audit.AuditEntry;
import id.jamsos.audit.AuditLog;
import id.jamsos.audit.AuditOutcome;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.JakartaTime;
import id.jamsos.common.Rupiah;
import id.jamsos.payment.internal.BranchDesk;
import id.jamsos.payment.internal.JdbcPaymentDesk;
import id.jamsos.payment.internal.KnownPayer;
import id.jamsos.payment.internal.PaymentBook;
import id.jamsos.payment.internal.Payers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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

/**
 * "Pembayaran di kantor cabang" ({@code /petugas/**} is for officers): find a payer by NPP or KPJ, see what they owe,
 * take cash (numbered receipt) or record a bank transfer (into suspense when it matches no payer).
 */
@Controller
class BranchPayersController {

    private final Payers payers;
    private final JdbcPaymentDesk desk;
    private final BranchDesk branch;
    private final PaymentBook book;
    private final AuditLog audit;
    private final Clock clock;

    BranchPayersController(Payers payers, JdbcPaymentDesk desk, BranchDesk branch, PaymentBook book, AuditLog audit,
                           Clock clock) {
        this.payers = payers;
        this.desk = desk;
        this.branch = branch;
        this.book = book;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/petugas/pembayaran")
    String search(@RequestParam(name = "cari", required = false) String typed, HttpServletResponse response,
                  Model model) {
        model.addAttribute("today", JakartaTime.today(clock));
        model.addAttribute("token", UUID.randomUUID().toString());
        if (typed == null || typed.isBlank()) {
            return "payment/branch";
        }
        model.addAttribute("typed", typed);
        try {
            Optional<KnownPayer> payer = payers.byCustomerNumber(BranchForms.customerNumber(typed));
            if (payer.isPresent()) {
                return "redirect:/petugas/pembayaran/pembayar/" + payer.get().customerNumber();
            }
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("error", "payment.search.none");
        } catch (InvalidValue e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.messageKey());
        }
        return "payment/branch";
    }

    @GetMapping("/petugas/pembayaran/pembayar/{customerNumber}")
    String payer(@AuthenticationPrincipal SignedInAccount officer, @PathVariable String customerNumber,
                 HttpServletRequest request, Model model) {
        KnownPayer payer = payers.byCustomerNumber(customerNumber)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        audit.record(new AuditEntry(officer.id(), officer.email(), "PAYER_VIEWED", "PAYER", payer.customerNumber(),
                request.getRemoteAddr(), AuditOutcome.SUCCESS, Map.of()));
        LocalDate today = JakartaTime.today(clock);
        model.addAttribute("payer", payer);
        model.addAttribute("due", desk.dueOf(payer, today));
        model.addAttribute("today", today);
        model.addAttribute("payments", book.ofPayer(payer.customerNumber(), 50));
        model.addAttribute("token", UUID.randomUUID().toString());
        return "payment/branch-payer";
    }

    @PostMapping("/petugas/pembayaran/pembayar/{customerNumber}/tunai")
    String cash(@AuthenticationPrincipal SignedInAccount officer, @PathVariable String customerNumber,
                @RequestParam(required = false) String amount, @RequestParam(required = false) String token,
                HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        KnownPayer payer = payers.byCustomerNumber(customerNumber)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        BranchDesk.Outcome outcome;
        try {
            Rupiah money = BranchForms.amount(amount);
            outcome = branch.cash(Officers.of(officer, request), payer.customerNumber(), money, BranchForms.token(token));
        } catch (InvalidValue e) {
            return refusedOnPayer(officer, payer, e.messageKey(), amount, request, response, model);
        }
        if (outcome instanceof BranchDesk.Outcome.DrawerClosed) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return refusedOnPayer(officer, payer, "payment.drawer.closed", amount, request, response, model);
        }
        BranchDesk.Outcome.Recorded recorded = (BranchDesk.Outcome.Recorded) outcome;
        redirect.addFlashAttribute("notice", recorded.repeated() ? "payment.recorded.repeated" : "payment.cash.recorded");
        return "redirect:/petugas/pembayaran/" + recorded.paymentId();
    }

    @PostMapping("/petugas/pembayaran/transfer")
    String transfer(@AuthenticationPrincipal SignedInAccount officer, @RequestParam(required = false) String bank,
                    @RequestParam(required = false) String reference, @RequestParam(required = false) String day,
                    @RequestParam(required = false) String amount, @RequestParam(required = false) String payer,
                    HttpServletRequest request, HttpServletResponse response, Model model,
                    RedirectAttributes redirect) {
        BranchDesk.Outcome outcome;
        try {
            String bankName = BranchForms.bank(bank);
            String bankReference = BranchForms.bankReference(reference);
            LocalDate paidOn = BranchForms.day(day, JakartaTime.today(clock));
            Rupiah money = BranchForms.amount(amount);
            String customer = payer == null || payer.isBlank() ? null : BranchForms.customerNumber(payer);
            outcome = branch.transfer(Officers.of(officer, request), bankName, bankReference, customer, money, paidOn);
        } catch (InvalidValue e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.messageKey());
            model.addAttribute("today", JakartaTime.today(clock));
            model.addAttribute("token", UUID.randomUUID().toString());
            return "payment/branch";
        }
        if (outcome instanceof BranchDesk.Outcome.InSuspense suspense) {
            redirect.addFlashAttribute("notice", suspense.repeated() ? "payment.recorded.repeated" : "payment.transfer.suspense");
            return "redirect:/petugas/pembayaran/" + suspense.paymentId();
        }
        BranchDesk.Outcome.Recorded recorded = (BranchDesk.Outcome.Recorded) outcome;
        redirect.addFlashAttribute("notice", recorded.repeated() ? "payment.recorded.repeated" : "payment.transfer.recorded");
        return "redirect:/petugas/pembayaran/" + recorded.paymentId();
    }

    private String refusedOnPayer(SignedInAccount officer, KnownPayer payer, String key, String typed,
                                  HttpServletRequest request, HttpServletResponse response, Model model) {
        if (response.getStatus() < 400) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("error", key);
        model.addAttribute("amountTyped", typed);
        return payer(officer, payer.customerNumber(), request, model);
    }
}
