package id.jamsos.payment.web;

import id.jamsos.account.SignedInAccount;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.JakartaTime;
import id.jamsos.payment.internal.BranchDesk;
import id.jamsos.payment.internal.CashDrawers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Kas harian": the officer's own cash drawer of the day, closed once with the amount counted. */
@Controller
class DrawerController {

    private final CashDrawers drawers;
    private final BranchDesk branch;
    private final Clock clock;

    DrawerController(CashDrawers drawers, BranchDesk branch, Clock clock) {
        this.drawers = drawers;
        this.branch = branch;
        this.clock = clock;
    }

    @GetMapping("/petugas/pembayaran/kas")
    String drawer(@AuthenticationPrincipal SignedInAccount officer, Model model) {
        model.addAttribute("drawer", drawers.of(officer.id(), JakartaTime.today(clock)));
        return "payment/drawer";
    }

    @PostMapping("/petugas/pembayaran/kas")
    String close(@AuthenticationPrincipal SignedInAccount officer, @RequestParam(required = false) String counted,
                 @RequestParam(required = false) String note, HttpServletRequest request,
                 HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            if (branch.closeDrawer(Officers.of(officer, request), BranchForms.counted(counted), note).isEmpty()) {
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                model.addAttribute("error", "payment.drawer.closed");
                return drawer(officer, model);
            }
        } catch (InvalidValue e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.messageKey());
            model.addAttribute("countedTyped", counted);
            return drawer(officer, model);
        }
        redirect.addFlashAttribute("notice", "payment.drawer.closed-now");
        return "redirect:/petugas/pembayaran/kas";
    }
}
