package id.jamsos.ledger.web;

import id.jamsos.account.SignedInAccount;
import id.jamsos.common.JakartaTime;
import id.jamsos.ledger.internal.JhtProjection;
import id.jamsos.ledger.internal.OwnCards;
import id.jamsos.ledger.internal.ProjectionInputs;
import id.jamsos.membership.Member;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * "Proyeksi JHT": what a card's JHT balance may reach at pension age, on assumptions the page states and the member
 * may change (the yearly yield, 0–15 %, and the monthly wage). A GET form: it stores nothing.
 */
@Controller
class ProjectionController {

    private final OwnCards cards;
    private final ProjectionInputs inputs;
    private final JhtProjection projection;
    private final Clock clock;

    ProjectionController(OwnCards cards, ProjectionInputs inputs, JhtProjection projection, Clock clock) {
        this.cards = cards;
        this.inputs = inputs;
        this.projection = projection;
        this.clock = clock;
    }

    @GetMapping("/saldo-jht/proyeksi")
    String projection(@AuthenticationPrincipal SignedInAccount account,
                      @RequestParam(name = "kpj", required = false) String kpj,
                      @RequestParam(name = "hasil", required = false) String yield,
                      @RequestParam(name = "upah", required = false) String wage,
                      Locale locale, HttpServletResponse response, Model model) {
        Member member = cards.card(account.id(), kpj)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        JhtProjection.Assumption assumption = projection.defaultYield();
        ProjectionInputs.Inputs checked = inputs.of(account.id(), member, yield, wage, assumption);
        model.addAttribute("member", member);
        model.addAttribute("kpj", account.id().equals(member.accountId()) ? null : member.kpj());
        model.addAttribute("assumption", assumption);
        model.addAttribute("errors", checked.errors());
        model.addAttribute("yieldTyped", yield != null ? yield : assumption.yield().percent(locale).replace("%", ""));
        model.addAttribute("wageTyped", wage != null ? wage
                : checked.wage() == null ? "" : checked.wage().formatted().replace("Rp ", ""));
        if (!checked.errors().isEmpty()) {
            if (yield != null || wage != null) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
            }
            return "ledger/projection";
        }
        model.addAttribute("projection", inputs.project(member, checked, JakartaTime.today(clock)));
        return "ledger/projection";
    }
}
