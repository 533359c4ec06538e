package id.jamsos.membership.web;

import id.jamsos.account.SignedInAccount;
import id.jamsos.common.InvalidValue;
import id.jamsos.membership.MemberCategory;
import id.jamsos.membership.internal.Activation;
import id.jamsos.membership.internal.Draft;
import id.jamsos.membership.internal.Work;
import id.jamsos.membership.internal.WorkInput;
import id.jamsos.platform.FormFields;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Step 2, work: wage earner (PU) or informal worker (BPU), with the monthly contribution shown as the worker
 * chooses. Without script the "show" and "calculate" buttons send the form and the step comes back with the
 * fields or the amount; with htmx the same fragments are swapped in place.
 */
@Controller
class WorkController {

    private final Activation activation;

    WorkController(Activation activation) {
        this.activation = activation;
    }

    @GetMapping("/aktivasi/pekerjaan")
    String work(@AuthenticationPrincipal SignedInAccount member, Model model) {
        Draft draft = activation.openApplication(DocumentResponses.memberOnly(member).id()).orElse(null);
        if (draft == null) {
            return activation.membership(member.id()).isPresent() ? "redirect:/kepesertaan" : "redirect:/aktivasi";
        }
        if (draft.submitted()) {
            return "redirect:/aktivasi/status";
        }
        WorkForm form = draft.work() == null ? new WorkForm() : form(draft.work());
        model.addAttribute("form", form);
        if (draft.work() != null) {
            quote(model, draft.work());
        }
        return page(model, draft);
    }

    @PostMapping("/aktivasi/pekerjaan")
    String saveWork(@AuthenticationPrincipal SignedInAccount member, @ModelAttribute("form") WorkForm form,
                    BindingResult result, @RequestParam(name = "choose", required = false) String choose,
                    @RequestParam(name = "calculate", required = false) String calculate,
                    HttpServletRequest request, HttpServletResponse response, Model model,
                    RedirectAttributes redirect) {
        DocumentResponses.memberOnly(member);
        Draft draft = activation.openApplication(member.id()).orElse(null);
        if (choose != null) {
            return page(model, draft);
        }
        WorkInput.Checked checked = input(form).check(activation.today());
        checked.errors().forEach((field, error) -> FormFields.reject(result, field, error));
        if (!result.hasErrors() && calculate != null) {
            quote(model, checked.work());
            return page(model, draft);
        }
        if (!result.hasErrors()) {
            try {
                activation.saveWork(member.id(), checked.work(), request.getRemoteAddr());
                redirect.addFlashAttribute("notice", "membership.work.saved");
                return "redirect:/aktivasi/pekerjaan";
            } catch (InvalidValue e) {
                if (Activation.aboutTheApplication(e)) {
                    result.reject(e.messageKey(), e.arguments(), e.messageKey());
                } else {
                    FormFields.reject(result, checked.work().basisField(), e);
                }
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(model, draft);
    }

    /** htmx: the fields of the category just chosen. */
    @GetMapping("/aktivasi/pekerjaan/bagian")
    String fields(@AuthenticationPrincipal SignedInAccount member, @ModelAttribute("form") WorkForm form) {
        DocumentResponses.memberOnly(member);
        return "membership/work :: fields";
    }

    /** htmx: the monthly contribution of what the form holds now, or why it cannot be shown yet. */
    @PostMapping("/aktivasi/pekerjaan/iuran")
    String quote(@AuthenticationPrincipal SignedInAccount member, @ModelAttribute("form") WorkForm form, Model model) {
        DocumentResponses.memberOnly(member);
        WorkInput.Checked checked = input(form).check(activation.today());
        if (checked.valid()) {
            quote(model, checked.work());
        } else {
            model.addAttribute("quoteIncomplete", true);
        }
        return "membership/work :: quote";
    }

    private void quote(Model model, Work work) {
        try {
            activation.quote(work).ifPresent(q -> model.addAttribute("quote", q));
            model.addAttribute("work", work);
        } catch (InvalidValue e) {
            model.addAttribute("quoteError", e);
        }
    }

    private static String page(Model model, Draft draft) {
        model.addAttribute("draft", draft);
        model.addAttribute("categories", Arrays.asList(MemberCategory.values()));
        return "membership/work";
    }

    static WorkInput input(WorkForm form) {
        return new WorkInput(form.getCategory(), form.getEmployerNpp(), form.getEmployerName(), form.getJobTitle(),
                form.getStartDate(), form.getMonthlyWage(), form.getOccupation(), form.getWorkLocation(),
                form.getDeclaredIncome(), "yes".equals(form.getJht()));
    }

    private static WorkForm form(Work work) {
        WorkForm form = new WorkForm();
        form.setCategory(work.category().name());
        form.setEmployerNpp(work.employerNpp() == null ? null : work.employerNpp().value());
        form.setEmployerName(work.employerName());
        form.setJobTitle(work.jobTitle());
        form.setStartDate(work.startDate() == null ? null : work.startDate().toString());
        form.setMonthlyWage(work.monthlyWage() == null ? null : String.valueOf(work.monthlyWage().value()));
        form.setOccupation(work.occupation());
        form.setWorkLocation(work.workLocation());
        form.setDeclaredIncome(work.declaredIncome() == null ? null : String.valueOf(work.declaredIncome().value()));
        form.setJht(work.wageEarner() || !work.jht() ? null : "yes");
        return form;
    }
}
