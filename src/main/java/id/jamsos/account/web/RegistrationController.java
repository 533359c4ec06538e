package id.jamsos.account.web;

import id.jamsos.platform.FormFields;
import id.jamsos.account.internal.AccountSettings;
import id.jamsos.account.internal.Challenges;
import id.jamsos.account.internal.PasswordRules;
import id.jamsos.account.internal.Registration;
import id.jamsos.common.EmailAddress;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.MobileNumber;
import id.jamsos.common.PersonName;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Daftar": create a member account, then verify the e-mail address through the link sent to it. */
@Controller
class RegistrationController {

    private final Registration registration;
    private final PasswordRules passwordRules;
    private final Challenges challenges;
    private final AccountSettings settings;

    RegistrationController(Registration registration, PasswordRules passwordRules, Challenges challenges,
                           AccountSettings settings) {
        this.registration = registration;
        this.passwordRules = passwordRules;
        this.challenges = challenges;
        this.settings = settings;
    }

    @GetMapping("/daftar")
    String form(@ModelAttribute("form") RegistrationForm form) {
        return "account/register";
    }

    @PostMapping("/daftar")
    String register(@ModelAttribute("form") RegistrationForm form, BindingResult result,
                    @RequestParam(name = "altcha", required = false) String altcha, HttpServletRequest request,
                    HttpServletResponse response, Locale locale, Model model) {
        PersonName name = FormFields.parse(result, "fullName", () -> PersonName.parse(form.getFullName()));
        EmailAddress email = FormFields.parse(result, "email", () -> EmailAddress.parse(form.getEmail()));
        MobileNumber mobile = FormFields.parse(result, "mobileNumber", () -> MobileNumber.parse(form.getMobileNumber()));
        try {
            passwordRules.check(form.getPassword());
        } catch (InvalidValue e) {
            FormFields.reject(result, "password", e);
        }
        if (!result.hasErrors() && !challenges.solved(altcha)) {
            result.reject("altcha.unsolved");
        }
        if (result.hasErrors()) {
            form.setPassword(null);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "account/register";
        }
        registration.register(new Registration.Command(name, email, mobile, form.getPassword(), locale,
                request.getRemoteAddr()));
        return "redirect:/daftar/terkirim";
    }

    @GetMapping("/daftar/terkirim")
    String sent() {
        return "account/register-sent";
    }

    @PostMapping("/verifikasi/kirim-ulang")
    String resend(@RequestParam(name = "email", required = false) String email, HttpServletRequest request,
                  HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            EmailAddress.parse(email);
        } catch (InvalidValue e) {
            // A malformed address says so; a well-formed one gets the same answer whether it has an account or not.
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", "validation.email");
            model.addAttribute("email", email == null || email.length() > 254 ? "" : email);
            return "account/register-sent";
        }
        registration.resendVerification(email, request.getRemoteAddr());
        redirect.addFlashAttribute("resent", true);
        return "redirect:/daftar/terkirim";
    }

    @GetMapping("/verifikasi")
    String verify(@RequestParam(name = "token", required = false) String token, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        Registration.Verified outcome = registration.verify(token, request.getRemoteAddr());
        if (outcome == Registration.Verified.INVALID) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("outcome", outcome.name());
        return "account/verified";
    }

    @GetMapping("/verifikasi/surel-baru")
    String confirmNewEmail(@RequestParam(name = "token", required = false) String token, HttpServletRequest request,
                           HttpServletResponse response, Model model) {
        AccountSettings.EmailChange outcome = settings.confirmEmailChange(token, request.getRemoteAddr());
        if (outcome != AccountSettings.EmailChange.CHANGED) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("outcome", "EMAIL_" + outcome.name());
        return "account/verified";
    }
}
