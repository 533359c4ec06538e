package id.jamsos.reactivation.web;

import id.jamsos.account.SignedInAccount;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.JakartaTime;
import id.jamsos.common.Period;
import id.jamsos.contribution.Contributions;
import id.jamsos.membership.Member;
import id.jamsos.membership.MemberStatus;
import id.jamsos.membership.Members;
import id.jamsos.reactivation.internal.Reactivations;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * A member's own reactivation page: why the membership is not active (which months are unpaid), what paying them
 * costs today, and the way to pay by virtual account; an informal worker is active again when that payment settles.
 * Below, the member's status history and the changes made to their data (who changed them stays with the officers).
 */
@Controller
class MemberReactivationController {

    static final String PAGE = "/kepesertaan/reaktivasi";

    private final Members members;
    private final Reactivations reactivations;
    private final Contributions contributions;

    MemberReactivationController(Members members, Reactivations reactivations, Contributions contributions) {
        this.contributions = contributions;
        this.members = members;
        this.reactivations = reactivations;
    }

    @GetMapping(PAGE)
    String page(@AuthenticationPrincipal SignedInAccount account, Model model) {
        Member member = members.byAccount(account.id())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var rates = contributions.ratesFor(Period.of(reactivations.today()));
        model.addAttribute("bpuIncomeMinimum", rates.bpuIncomeMinimum());
        model.addAttribute("bpuIncomeMaximum", rates.bpuIncomeMaximum());
        if (!model.containsAttribute("informalForm")) {
            model.addAttribute("informalForm", OfficerReactivationController.NO_INFORMAL_FORM);
        }
        model.addAttribute("member", member);
        model.addAttribute("nonActive", member.status() == MemberStatus.NON_ACTIVE);
        model.addAttribute("quote", reactivations.quote(member.id(), reactivations.today()).orElseThrow());
        // The member's own history: every lapse and reactivation, every change an officer made to their data.
        model.addAttribute("statusHistory", members.statusHistory(member.id()));
        model.addAttribute("detailHistory", members.detailHistory(member.id()));
        model.addAttribute("time", new JakartaTime());
        return "reactivation/online";
    }

    /**
     * A lapsed wage earner continues as an informal worker (BPU): moved to BPU, billed for this month; paying that
     * bill by virtual account reactivates them. Only for the signed-in member's own membership.
     */
    @PostMapping(PAGE + "/bpu")
    String continueAsInformal(@AuthenticationPrincipal SignedInAccount account,
                              @RequestParam(required = false) String occupation,
                              @RequestParam(required = false) String location,
                              @RequestParam(required = false) String declaredIncome,
                              @RequestParam(required = false) String jht, HttpServletResponse response, Model model,
                              RedirectAttributes redirect) {
        Member member = members.byAccount(account.id())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            reactivations.chooseInformalOnline(member.id(), account.id(), account.email(),
                    new Reactivations.NowInformal(occupation, location, declaredIncome, jht != null));
        } catch (InvalidValue e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
            model.addAttribute("informalForm", Map.of("occupation", blank(occupation), "location", blank(location),
                    "declaredIncome", blank(declaredIncome), "jht", jht != null));
            return page(account, model);
        }
        redirect.addFlashAttribute("notice", "reactivation.online.informal.chosen");
        return "redirect:" + PAGE;
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }
}
