package id.jamsos.reactivation.web;

import id.jamsos.account.SignedInAccount;
import id.jamsos.common.JakartaTime;
import id.jamsos.membership.Member;
import id.jamsos.membership.MemberStatus;
import id.jamsos.membership.Members;
import id.jamsos.reactivation.internal.Reactivations;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * A member's own reactivation page: why the membership is not active (which months are unpaid), what paying them
 * costs today, and the way to pay by virtual account; an informal worker is active again when that payment settles.
 * Below, the member's status history and the changes made to their data (who changed them stays with the officers).
 */
@Controller
class MemberReactivationController {

    private final Members members;
    private final Reactivations reactivations;

    MemberReactivationController(Members members, Reactivations reactivations) {
        this.members = members;
        this.reactivations = reactivations;
    }

    @GetMapping("/kepesertaan/reaktivasi")
    String page(@AuthenticationPrincipal SignedInAccount account, Model model) {
        Member member = members.byAccount(account.id())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("member", member);
        model.addAttribute("nonActive", member.status() == MemberStatus.NON_ACTIVE);
        model.addAttribute("quote", reactivations.quote(member.id(), reactivations.today()).orElseThrow());
        // The member's own history: every lapse and reactivation, every change an officer made to their data.
        model.addAttribute("statusHistory", members.statusHistory(member.id()));
        model.addAttribute("detailHistory", members.detailHistory(member.id()));
        model.addAttribute("time", new JakartaTime());
        return "reactivation/online";
    }
}
