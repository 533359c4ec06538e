package id.jamsos.membership.web;

import id.jamsos.account.Role;
import id.jamsos.account.SignedInAccount;
import id.jamsos.membership.internal.Activation;
import id.jamsos.membership.internal.Membership;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** "Kepesertaan": the member's own membership — KPJ number, status, since when — or the way to apply. */
@Controller
class MembershipController {

    private final Activation activation;

    MembershipController(Activation activation) {
        this.activation = activation;
    }

    @GetMapping("/kepesertaan")
    String membership(@AuthenticationPrincipal SignedInAccount member, Model model) {
        if (member == null || !member.is(Role.MEMBER)) {
            throw new AccessDeniedException("members only");
        }
        Membership membership = activation.membership(member.id()).orElse(null);
        if (membership == null) {
            return "redirect:/aktivasi";
        }
        model.addAttribute("membership", membership);
        model.addAttribute("dates", new IndonesianDates());
        return "membership/membership";
    }
}
