package id.jamsos.ledger.web;

import id.jamsos.account.SignedInAccount;
import id.jamsos.common.JakartaTime;
import id.jamsos.ledger.internal.OwnCards;
import id.jamsos.membership.MemberCards;
import id.jamsos.membership.MemberCards.LinkOutcome;
import jakarta.servlet.http.HttpServletRequest;
import java.time.format.DateTimeFormatter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Tambah KPJ": a member adds an older KPJ card of theirs (a job change: an employer registered them earlier) by
 * typing its KPJ with their NIK and date of birth. Whatever is wrong, the answer is the same message; attempts are
 * limited per account and audited by the membership module.
 */
@Controller
class CardsController {

    private static final DateTimeFormatter RETRY = DateTimeFormatter.ofPattern("dd/MM/yyyy HH.mm 'WIB'")
            .withZone(JakartaTime.ZONE);

    private final OwnCards cards;
    private final MemberCards memberCards;

    CardsController(OwnCards cards, MemberCards memberCards) {
        this.cards = cards;
        this.memberCards = memberCards;
    }

    @GetMapping("/saldo-jht/kartu")
    String form(@AuthenticationPrincipal SignedInAccount account, Model model) {
        model.addAttribute("member", cards.own(account.id())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("cards", cards.of(account.id()));
        return "ledger/cards";
    }

    @PostMapping("/saldo-jht/kartu")
    String link(@AuthenticationPrincipal SignedInAccount account, @RequestParam(required = false) String kpj,
                @RequestParam(required = false) String nik, @RequestParam(name = "tanggalLahir", required = false)
                String birthDate, HttpServletRequest request, HttpServletResponse response, Model model,
                RedirectAttributes redirect) {
        form(account, model); // 404 before anything is counted when the account has no membership
        LinkOutcome outcome = memberCards.link(account.id(), account.email(), request.getRemoteAddr(), kpj, nik,
                birthDate);
        if (outcome instanceof LinkOutcome.Linked linked) {
            redirect.addFlashAttribute("notice", "jht.cards.linked");
            return "redirect:/saldo-jht?kpj=" + linked.card().kpj();
        }
        model.addAttribute("typedKpj", kpj);
        if (outcome instanceof LinkOutcome.Throttled throttled) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("error", "jht.cards.throttled");
            model.addAttribute("retryFrom", RETRY.format(throttled.retryFrom()));
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "jht.cards.refused");
        }
        return "ledger/cards";
    }
}
