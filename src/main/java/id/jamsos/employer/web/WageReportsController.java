package id.jamsos.employer.web;

import id.jamsos.account.SignedInAccount;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.JakartaTime;
import id.jamsos.common.Period;
import id.jamsos.employer.Employer;
import id.jamsos.employer.Workforce;
import id.jamsos.employer.internal.Actor;
import id.jamsos.employer.internal.Employments;
import id.jamsos.employer.internal.WageFileRefused;
import id.jamsos.employer.internal.WageReports;
import id.jamsos.employer.internal.WageReports.LineProblem;
import id.jamsos.employer.internal.WageReports.Report;
import id.jamsos.membership.Member;
import id.jamsos.membership.Members;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Laporan upah": an employer's wage reports per month, uploaded or typed on screen, checked, then applied. */
@Controller
class WageReportsController {

    private static final String BASE = EmployerPortalController.BASE + "/laporan-upah";
    private static final java.time.format.DateTimeFormatter APPLIED_AT =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** A row of the on-screen form: a worker of the month and the wage to report. */
    record ScreenLine(String kpj, String name, String jobTitle, String wage) {
    }

    private final Workforce workforce;
    private final WageReports reports;
    private final Employments employments;
    private final Members members;
    private final Clock clock;

    WageReportsController(Workforce workforce, WageReports reports, Employments employments, Members members,
                          Clock clock) {
        this.workforce = workforce;
        this.reports = reports;
        this.employments = employments;
        this.members = members;
        this.clock = clock;
    }

    @GetMapping(BASE)
    String list(@AuthenticationPrincipal SignedInAccount admin,
                @RequestParam(name = "halaman", defaultValue = "0") String page,
                @RequestParam(name = "terlalu-besar", required = false) String tooLarge, Model model) {
        Employer employer = EmployerPortalController.employerOf(admin, workforce);
        if (tooLarge != null) {
            model.addAttribute("error", "wage-file.too-large");
        }
        int shown = Pages.number(page);
        List<Report> rows = reports.page(employer.id(), shown);
        model.addAttribute("employer", employer);
        model.addAttribute("reports", rows.stream().limit(WageReports.PAGE_SIZE).toList());
        model.addAttribute("page", shown);
        model.addAttribute("hasNext", rows.size() > WageReports.PAGE_SIZE);
        if (model.getAttribute("period") == null) {
            model.addAttribute("period", Period.of(JakartaTime.today(clock)).previous().toString());
        }
        return "employer/wage-reports";
    }

    @PostMapping(BASE)
    String upload(@AuthenticationPrincipal SignedInAccount admin, @RequestParam(required = false) String period,
                  @RequestParam(name = "file", required = false) MultipartFile file, HttpServletResponse response,
                  Model model) throws IOException {
        Employer employer = EmployerPortalController.employerOf(admin, workforce);
        model.addAttribute("period", period);
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidValue("wage-file.empty");
            }
            long id = reports.upload(employer.id(), admin.id(), period, file.getOriginalFilename(), file.getBytes());
            return "redirect:" + BASE + "/" + id;
        } catch (InvalidValue e) {
            Pages.refused(e, response, model);
        } catch (WageFileRefused e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
        }
        return list(admin, "0", null, model);
    }

    @GetMapping(BASE + "/isi")
    String screen(@AuthenticationPrincipal SignedInAccount admin,
                  @RequestParam(name = "periode", required = false) String period, Model model) {
        Employer employer = EmployerPortalController.employerOf(admin, workforce);
        Period month;
        try {
            month = Period.parse(period);
        } catch (InvalidValue e) {
            month = Period.of(JakartaTime.today(clock)).previous();
        }
        List<Employments.Employment> active = employments.activeIn(employer.id(), month);
        if (active.size() > WageReports.PAGE_SIZE * 10) {
            model.addAttribute("tooMany", true);
            active = List.of();
        }
        model.addAttribute("employer", employer);
        model.addAttribute("period", month.toString());
        model.addAttribute("periodStart", month.firstDay());
        model.addAttribute("lines", active.stream().map(e -> new ScreenLine(e.kpj(),
                members.byId(e.memberId()).map(Member::fullName).orElse(""), e.jobTitle(), "")).toList());
        return "employer/wage-screen";
    }

    @PostMapping(BASE + "/isi")
    String fromScreen(@AuthenticationPrincipal SignedInAccount admin, @RequestParam(required = false) String period,
                      @RequestParam(name = "kpj", required = false) List<String> kpjs,
                      @RequestParam(name = "wage", required = false) List<String> wages, HttpServletResponse response,
                      Model model) {
        Employer employer = EmployerPortalController.employerOf(admin, workforce);
        try {
            return "redirect:" + BASE + "/" + reports.fromScreen(employer.id(), admin.id(), period, kpjs, wages);
        } catch (InvalidValue e) {
            Pages.refused(e, response, model);
            return screen(admin, period, model);
        }
    }

    @GetMapping(BASE + "/{id}")
    String show(@AuthenticationPrincipal SignedInAccount admin, @PathVariable String id,
                @RequestParam(name = "halaman", defaultValue = "0") String page, Model model) {
        Employer employer = EmployerPortalController.employerOf(admin, workforce);
        Report report = reports.find(employer.id(), Pages.id(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        int shown = Pages.number(page);
        List<LineProblem> problems = reports.problems(report, shown);
        model.addAttribute("employer", employer);
        model.addAttribute("report", report);
        model.addAttribute("appliedAt", report.appliedAt() == null ? null
                : APPLIED_AT.format(report.appliedAt().atZone(JakartaTime.ZONE)));
        model.addAttribute("problems", problems.stream().limit(WageReports.PAGE_SIZE).toList());
        model.addAttribute("page", shown);
        model.addAttribute("hasNext", problems.size() > WageReports.PAGE_SIZE);
        return "employer/wage-report";
    }

    @PostMapping(BASE + "/{id}/terapkan")
    String apply(@AuthenticationPrincipal SignedInAccount admin, @PathVariable String id,
                 @RequestParam(name = "onlyValid", required = false) String onlyValid, HttpServletRequest request,
                 HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Employer employer = EmployerPortalController.employerOf(admin, workforce);
        long reportId = Pages.id(id);
        if (reports.find(employer.id(), reportId).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            boolean applied = reports.apply(employer.id(), reportId,
                    new Actor(admin.id(), admin.email(), request.getRemoteAddr()), "true".equals(onlyValid));
            redirect.addFlashAttribute("notice", applied ? "wage-report.applied" : "wage-report.already-applied");
            return "redirect:" + BASE + "/" + reportId;
        } catch (InvalidValue e) {
            Pages.refused(e, response, model);
            return show(admin, id, "0", model);
        }
    }
}
