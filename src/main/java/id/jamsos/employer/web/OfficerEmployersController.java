package id.jamsos.employer.web;

import id.jamsos.account.SignedInAccount;
import id.jamsos.common.InvalidValue;
import id.jamsos.employer.internal.Employers;
import id.jamsos.employer.internal.Actor;
import id.jamsos.employer.internal.Employers.Registered;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
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

/** "Pemberi kerja" for officers (and administrators): register employers and link their administrators' accounts. */
@Controller
class OfficerEmployersController {

    private static final String BASE = "/petugas/pemberi-kerja";

    private final Employers employers;

    OfficerEmployersController(Employers employers) {
        this.employers = employers;
    }

    @GetMapping(BASE)
    String list(@RequestParam(name = "cari", required = false) String search,
                @RequestParam(name = "halaman", defaultValue = "0") String page, Model model) {
        int shown = Pages.number(page);
        List<Registered> rows = employers.page(search, shown);
        model.addAttribute("employers", rows.stream().limit(Employers.PAGE_SIZE).toList());
        model.addAttribute("page", shown);
        model.addAttribute("hasNext", rows.size() > Employers.PAGE_SIZE);
        model.addAttribute("search", search == null ? "" : search);
        model.addAttribute("form", model.getAttribute("form") == null ? Map.of() : model.getAttribute("form"));
        return "employer/officer-employers";
    }

    @PostMapping(BASE)
    String register(@AuthenticationPrincipal SignedInAccount officer, @RequestParam(required = false) String npp,
                    @RequestParam(required = false) String name, @RequestParam(required = false) String address,
                    @RequestParam(required = false) String riskClass, HttpServletRequest request,
                    HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            long id = employers.register(actor(officer, request), npp, name, address, riskClass);
            redirect.addFlashAttribute("notice", "employer.registered");
            return "redirect:" + BASE + "/" + id;
        } catch (InvalidValue e) {
            Pages.refused(e, response, model);
            model.addAttribute("form", Pages.form("npp", npp, "name", name, "address", address, "riskClass", riskClass));
            return list(null, "0", model);
        }
    }

    @GetMapping(BASE + "/{id}")
    String show(@PathVariable String id, Model model) {
        Registered employer = employers.find(Pages.id(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("employer", employer);
        model.addAttribute("administrators", employers.administrators(employer.id()));
        return "employer/officer-employer";
    }

    @PostMapping(BASE + "/{id}/admin")
    String link(@AuthenticationPrincipal SignedInAccount officer, @PathVariable String id,
                @RequestParam(required = false) String email, HttpServletRequest request,
                HttpServletResponse response, Model model, RedirectAttributes redirect) {
        long employerId = Pages.id(id);
        try {
            employers.linkAdministrator(actor(officer, request), employerId, email);
        } catch (InvalidValue e) {
            if (e.messageKey().equals("employer.not-found")) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            Pages.refused(e, response, model);
            model.addAttribute("email", email);
            return show(id, model);
        }
        redirect.addFlashAttribute("notice", "employer.admin.linked");
        return "redirect:" + BASE + "/" + employerId;
    }

    private static Actor actor(SignedInAccount officer, HttpServletRequest request) {
        return new Actor(officer.id(), officer.email(), request.getRemoteAddr());
    }
}
