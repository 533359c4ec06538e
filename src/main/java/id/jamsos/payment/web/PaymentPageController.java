package id.jamsos.payment.web;

import id.jamsos.account.SignedInAccount;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.JakartaTime;
import id.jamsos.payment.internal.BankGuides;
import id.jamsos.payment.internal.Due;
import id.jamsos.payment.internal.JdbcPaymentDesk;
import id.jamsos.payment.internal.KnownPayer;
import id.jamsos.payment.internal.PaymentBook;
import id.jamsos.payment.internal.PaymentOrders;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
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
 * "Pembayaran": the signed-in payer's virtual account — the number per bank, what it collects now, the bills behind
 * it, the choice of months ahead (informal workers), how to pay at each bank, and the payments received. Members and
 * employer administrators; anyone else gets 404.
 */
@Controller
class PaymentPageController {

    static final List<Integer> CHOICES = List.of(0, 1, 3, 6, 12);

    private final PayerOfAccount payerOf;
    private final JdbcPaymentDesk desk;
    private final PaymentOrders orders;
    private final PaymentBook book;
    private final BankGuides banks;
    private final Clock clock;

    PaymentPageController(PayerOfAccount payerOf, JdbcPaymentDesk desk, PaymentOrders orders, PaymentBook book,
                          BankGuides banks, Clock clock) {
        this.payerOf = payerOf;
        this.desk = desk;
        this.orders = orders;
        this.book = book;
        this.banks = banks;
        this.clock = clock;
    }

    @GetMapping("/pembayaran")
    String page(@AuthenticationPrincipal SignedInAccount account, Model model) {
        KnownPayer payer = payer(account);
        Due due = desk.dueOf(payer, JakartaTime.today(clock));
        model.addAttribute("payer", payer);
        model.addAttribute("due", due);
        model.addAttribute("today", JakartaTime.today(clock));
        model.addAttribute("banks", banks.banks());
        model.addAttribute("choices", CHOICES);
        model.addAttribute("chosen", orders.monthsAhead(payer));
        model.addAttribute("payments", book.ofPayer(payer.customerNumber(), 20));
        return "payment/pay";
    }

    @PostMapping("/pembayaran/pilihan")
    String choose(@AuthenticationPrincipal SignedInAccount account,
                  @RequestParam(name = "months", required = false) String months, HttpServletResponse response,
                  Model model, RedirectAttributes redirect) {
        KnownPayer payer = payer(account);
        try {
            orders.choose(payer, months(months), account.id());
        } catch (InvalidValue e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.messageKey());
            return page(account, model);
        }
        redirect.addFlashAttribute("notice", "payment.choice.saved");
        return "redirect:/pembayaran";
    }

    @GetMapping("/pembayaran/{id}")
    String payment(@AuthenticationPrincipal SignedInAccount account, @PathVariable String id, Model model) {
        KnownPayer payer = payer(account);
        PaymentBook.StoredPayment payment = PaymentIds.parse(id).flatMap(book::byId)
                .filter(p -> payer.customerNumber().equals(p.customerNumber()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("payer", payer);
        model.addAttribute("payment", payment);
        model.addAttribute("reversed", book.reversalOf(payment.id()).isPresent());
        return "payment/payment";
    }

    private KnownPayer payer(SignedInAccount account) {
        return payerOf.of(account).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    static int months(String typed) {
        if (typed == null || !typed.strip().matches("[0-9]{1,2}")) {
            throw new InvalidValue("payment.months-ahead.invalid");
        }
        return Integer.parseInt(typed.strip());
    }
}
