package id.jamsos.membership.web;

import id.jamsos.account.AccountContacts;
import id.jamsos.account.SignedInAccount;
import id.jamsos.common.Gender;
import id.jamsos.common.InvalidValue;
import id.jamsos.membership.internal.Activation;
import id.jamsos.membership.internal.Draft;
import id.jamsos.membership.internal.IdentityInput;
import id.jamsos.platform.FormFields;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Locale;
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
 * "Aktivasi": the member's online membership application. Step 1, identity, is saved as a draft; the application
 * belongs to the signed-in account and is never addressed by an id in the URL.
 */
@Controller
class ActivationController {

    private final Activation activation;
    private final AccountContacts contacts;

    ActivationController(Activation activation, AccountContacts contacts) {
        this.activation = activation;
        this.contacts = contacts;
    }

    @GetMapping("/aktivasi")
    String identity(@AuthenticationPrincipal SignedInAccount member, Model model) {
        Draft draft = activation.openApplication(DocumentResponses.memberOnly(member).id()).orElse(null);
        if (draft != null && draft.submitted()) {
            return "redirect:/aktivasi/status";
        }
        if (activation.membership(member.id()).isPresent()) {
            return "redirect:/kepesertaan";
        }
        activation.latestRejection(member.id()).ifPresent(reason -> model.addAttribute("rejected", "verification.reason." + reason));
        IdentityForm form = new IdentityForm();
        if (draft != null) {
            form.setFullName(draft.fullName());
            form.setBirthPlace(draft.birthPlace());
            form.setBirthDate(draft.birthDate() == null ? null : draft.birthDate().toString());
            form.setGender(draft.gender() == null ? null : draft.gender().name());
            form.setMotherMaidenName(draft.motherMaidenName());
            form.setMobileNumber(draft.mobileNumber());
            if (draft.address() != null) {
                form.setProvince(draft.address().provinceCode());
                form.setRegency(draft.address().regencyCode());
                form.setDistrict(draft.address().districtCode());
                form.setStreet(draft.address().street());
                form.setRt(draft.address().rt());
                form.setRw(draft.address().rw());
            }
        } else {
            form.setFullName(member.fullName());
        }
        if (form.getMobileNumber() == null) { // the number given at registration, which the applicant may change
            contacts.mobileNumber(member.id()).ifPresent(mobile -> form.setMobileNumber(mobile.value()));
        }
        return page(model, form, draft, member);
    }

    /**
     * Saves step 1; or, when a "choose" button was pressed (the browser runs no script), shows the step again with
     * the regencies of the province or the districts of the regency just chosen, saving nothing.
     */
    @PostMapping("/aktivasi/identitas")
    String saveIdentity(@AuthenticationPrincipal SignedInAccount member, @ModelAttribute("form") IdentityForm form,
                        BindingResult result, @RequestParam(name = "choose", required = false) String choose,
                        HttpServletRequest request, HttpServletResponse response, Model model,
                        RedirectAttributes redirect) {
        DocumentResponses.memberOnly(member);
        if (choose != null) {
            return page(model, form, activation.openApplication(member.id()).orElse(null), member);
        }
        IdentityInput.Checked checked = new IdentityInput(form.getNik(), form.getKk(), form.getFullName(),
                form.getBirthPlace(), form.getBirthDate(), form.getGender(), form.getMotherMaidenName(),
                form.getProvince(), form.getRegency(), form.getDistrict(), form.getStreet(), form.getRt(),
                form.getRw(), form.getMobileNumber())
                .check(activation.today());
        checked.errors().forEach((field, error) -> FormFields.reject(result, field, error));
        if (!result.hasErrors()) {
            try {
                activation.saveIdentity(member.id(), checked.identity(), request.getRemoteAddr());
                redirect.addFlashAttribute("notice", "membership.identity.saved");
                return "redirect:/aktivasi";
            } catch (InvalidValue e) {
                FormFields.reject(result, e.messageKey().startsWith("validation.nik.") || e.messageKey().startsWith("membership.nik")
                        ? "nik" : "birthDate", e);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(model, form, activation.openApplication(member.id()).orElse(null), member);
    }

    /** htmx: the province, regency and district selects again after a change, each list following the one above. */
    @GetMapping("/aktivasi/wilayah")
    String regions(@AuthenticationPrincipal SignedInAccount member, @ModelAttribute("form") IdentityForm form,
                   Model model) {
        DocumentResponses.memberOnly(member);
        RegionChoice.offer(model, form);
        return "membership/fragments :: regions";
    }

    @GetMapping("/aktivasi/periksa")
    String review(@AuthenticationPrincipal SignedInAccount member, Model model) {
        Draft draft = activation.openApplication(DocumentResponses.memberOnly(member).id()).orElse(null);
        if (draft != null && draft.submitted()) {
            return "redirect:/aktivasi/status";
        }
        reviewed(model, draft, member);
        return "membership/review";
    }

    private void reviewed(Model model, Draft draft, SignedInAccount member) {
        model.addAttribute("draft", draft);
        model.addAttribute("email", member.email());
        model.addAttribute("missing", activation.missing(member.id()));
        if (draft != null && draft.work() != null) {
            try {
                activation.quote(draft.work()).ifPresent(quote -> model.addAttribute("quote", quote));
            } catch (InvalidValue e) { // the rates changed since step 2 was saved: say so beside the work
                model.addAttribute("quoteError", e);
            }
        }
    }

    @PostMapping("/aktivasi/kirim")
    String submit(@AuthenticationPrincipal SignedInAccount member,
                  @RequestParam(name = "consent", required = false) String consent, Locale locale,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        DocumentResponses.memberOnly(member);
        try {
            activation.submit(member.id(), member.email(), locale, "yes".equals(consent), request.getRemoteAddr());
        } catch (InvalidValue e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.messageKey());
            reviewed(model, activation.openApplication(member.id()).orElse(null), member);
            return "membership/review";
        }
        return "redirect:/aktivasi/status";
    }

    @GetMapping("/aktivasi/status")
    String status(@AuthenticationPrincipal SignedInAccount member, Model model) {
        Draft draft = activation.openApplication(DocumentResponses.memberOnly(member).id()).orElse(null);
        if (draft == null || !draft.submitted()) {
            return activation.membership(member.id()).isPresent() ? "redirect:/kepesertaan" : "redirect:/aktivasi";
        }
        model.addAttribute("draft", draft);
        model.addAttribute("dates", new IndonesianDates());
        return "membership/status";
    }

    private static String page(Model model, IdentityForm form, Draft draft, SignedInAccount member) {
        model.addAttribute("form", form);
        model.addAttribute("email", member.email());
        RegionChoice.offer(model, form);
        model.addAttribute("draft", draft);
        model.addAttribute("genders", Arrays.asList(Gender.values()));
        return "membership/identity";
    }

}
