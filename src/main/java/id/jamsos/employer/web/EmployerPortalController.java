package id.jamsos.employer.web;

import id.jamsos.account.SignedInAccount;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.JakartaTime;
import id.jamsos.employer.Employer;
import id.jamsos.employer.Workforce;
import id.jamsos.employer.internal.Actor;
import id.jamsos.employer.internal.Employments;
import id.jamsos.employer.internal.Employments.Employment;
import id.jamsos.membership.Member;
import id.jamsos.membership.Members;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
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
 * The employer portal ({@code /pemberi-kerja/**}, EMPLOYER_ADMIN only): the employer's workers, joining and leaving.
 * Every id in a URL is looked up within the signed-in administrator's own employer, so another employer's records
 * answer 404 exactly like missing ones.
 */
@Controller
class EmployerPortalController {

    static final String BASE = "/pemberi-kerja";

    /** A worker row: the employment and the member's registered name. */
    record Worker(Employment employment, String name, boolean active) {
    }

    private final Workforce workforce;
    private final Employments employments;
    private final Members members;
    private final Clock clock;

    EmployerPortalController(Workforce workforce, Employments employments, Members members, Clock clock) {
        this.workforce = workforce;
        this.employments = employments;
        this.members = members;
        this.clock = clock;
    }

    @GetMapping(BASE)
    String home(@AuthenticationPrincipal SignedInAccount admin, Model model) {
        model.addAttribute("employer", workforce.employerOf(admin.id()).orElse(null));
        return "employer/portal";
    }

    @GetMapping(BASE + "/pekerja")
    String workers(@AuthenticationPrincipal SignedInAccount admin,
                   @RequestParam(name = "halaman", defaultValue = "0") String page, Model model) {
        Employer employer = employerOf(admin, workforce);
        int shown = Pages.number(page);
        List<Employment> rows = employments.page(employer.id(), shown);
        LocalDate today = JakartaTime.today(clock);
        model.addAttribute("employer", employer);
        model.addAttribute("workers", rows.stream().limit(Employments.PAGE_SIZE)
                .map(e -> new Worker(e, members.byId(e.memberId()).map(Member::fullName).orElse(""),
                        e.endDate() == null || !e.endDate().isBefore(today)))
                .toList());
        model.addAttribute("page", shown);
        model.addAttribute("hasNext", rows.size() > Employments.PAGE_SIZE);
        model.addAttribute("today", today);
        if (model.getAttribute("form") == null) {
            model.addAttribute("form", Pages.form("startDate", today.toString()));
        }
        return "employer/workers";
    }

    @PostMapping(BASE + "/pekerja")
    String join(@AuthenticationPrincipal SignedInAccount admin, @RequestParam(required = false) String identifier,
                @RequestParam(required = false) String startDate, @RequestParam(required = false) String wage,
                @RequestParam(required = false) String jobTitle, @RequestParam(required = false) String fullName,
                @RequestParam(required = false) String birthDate, HttpServletRequest request,
                HttpServletResponse response, Model model,
                RedirectAttributes redirect) {
        Employer employer = employerOf(admin, workforce);
        try {
            long id = employments.join(actor(admin, request), employer.id(), identifier, startDate, wage, jobTitle,
                    fullName, birthDate);
            redirect.addFlashAttribute("notice", "employment.joined");
            return "redirect:" + BASE + "/pekerja/" + id;
        } catch (InvalidValue e) {
            Pages.refused(e, response, model);
            model.addAttribute("form", Pages.form("identifier", identifier, "startDate", startDate, "wage", wage,
                    "jobTitle", jobTitle, "fullName", fullName, "birthDate", birthDate));
            return workers(admin, "0", model);
        }
    }

    @GetMapping(BASE + "/pekerja/{id}")
    String worker(@AuthenticationPrincipal SignedInAccount admin, @PathVariable String id, Model model) {
        Employer employer = employerOf(admin, workforce);
        Employment employment = employments.find(employer.id(), Pages.id(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("employer", employer);
        model.addAttribute("employment", employment);
        model.addAttribute("name", members.byId(employment.memberId()).map(Member::fullName).orElse(""));
        model.addAttribute("today", JakartaTime.today(clock));
        return "employer/worker";
    }

    @PostMapping(BASE + "/pekerja/{id}/keluar")
    String leave(@AuthenticationPrincipal SignedInAccount admin, @PathVariable String id,
                 @RequestParam(required = false) String endDate, HttpServletRequest request,
                 HttpServletResponse response, Model model,
                 RedirectAttributes redirect) {
        Employer employer = employerOf(admin, workforce);
        long employmentId = Pages.id(id);
        if (employments.find(employer.id(), employmentId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            employments.leave(actor(admin, request), employer.id(), employmentId, endDate);
        } catch (InvalidValue e) {
            Pages.refused(e, response, model);
            return worker(admin, id, model);
        }
        redirect.addFlashAttribute("notice", "employment.ended");
        return "redirect:" + BASE + "/pekerja/" + employmentId;
    }

    private static Actor actor(SignedInAccount admin, HttpServletRequest request) {
        return new Actor(admin.id(), admin.email(), request.getRemoteAddr());
    }

    /** The employer this account administers; an account not linked yet has nothing here. */
    static Employer employerOf(SignedInAccount admin, Workforce workforce) {
        return workforce.employerOf(admin.id()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
