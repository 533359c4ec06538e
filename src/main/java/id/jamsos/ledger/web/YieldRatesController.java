package id.jamsos.ledger.web;

import id.jamsos.account.SignedInAccount;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.Rate;
import id.jamsos.ledger.internal.YieldRates;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Hasil pengembangan": administrators enter the JHT yield rate declared for a year, or correct one ({@code /admin/**}
 * is admin-only; every entry is audited). Crediting runs on 1 January or with {@code ledger yield --year}.
 */
@Controller
class YieldRatesController {

    private final YieldRates rates;

    YieldRatesController(YieldRates rates) {
        this.rates = rates;
    }

    @GetMapping("/admin/hasil-pengembangan")
    String list(Model model) {
        model.addAttribute("rates", rates.history());
        return "ledger/yield-rates";
    }

    @PostMapping("/admin/hasil-pengembangan")
    String declare(@AuthenticationPrincipal SignedInAccount admin, @RequestParam(required = false) String year,
                   @RequestParam(required = false) String rate, @RequestParam(required = false) String source,
                   HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            int declaredYear = JhtController.year(year) == null ? 0 : JhtController.year(year);
            rates.declare(admin.id(), admin.email(), request.getRemoteAddr(), declaredYear, Rate.parsePercent(rate),
                    source);
        } catch (InvalidValue e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
            return list(model);
        }
        redirect.addFlashAttribute("notice", "yield.declared");
        return "redirect:/admin/hasil-pengembangan";
    }
}
