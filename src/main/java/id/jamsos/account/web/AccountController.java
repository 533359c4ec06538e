package id.jamsos.account.web;

import id.jamsos.account.SignedInAccount;
import id.jamsos.account.internal.AccountSettings;
import id.jamsos.common.EmailAddress;
import id.jamsos.common.InvalidValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Akun saya": the signed-in person's page, with password and e-mail changes. */
@Controller
class AccountController {

    private final AccountSettings settings;

    AccountController(AccountSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/akun")
    String dashboard(@AuthenticationPrincipal SignedInAccount account, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("email", settings.email(account.id()));
        model.addAttribute("mobile", settings.maskedMobileNumber(account.id()));
        return "account/dashboard";
    }

    @PostMapping("/akun/sandi")
    String changePassword(@AuthenticationPrincipal SignedInAccount account,
                          @RequestParam(name = "currentPassword", required = false) String currentPassword,
                          @RequestParam(name = "newPassword", required = false) String newPassword,
                          HttpServletRequest request, HttpServletResponse response, Model model,
                          RedirectAttributes redirect) {
        try {
            settings.changePassword(account.id(), currentPassword, newPassword, request.getRemoteAddr());
        } catch (InvalidValue e) {
            return refuse(account, model, response, "passwordError", e);
        }
        request.getSession().invalidate();
        redirect.addFlashAttribute("notice", "signin.notice.password-changed");
        return "redirect:/masuk";
    }

    @PostMapping("/akun/surel")
    String changeEmail(@AuthenticationPrincipal SignedInAccount account,
                       @RequestParam(name = "currentPassword", required = false) String currentPassword,
                       @RequestParam(name = "newEmail", required = false) String newEmail,
                       HttpServletRequest request, HttpServletResponse response, Model model,
                       RedirectAttributes redirect) {
        try {
            settings.requestEmailChange(account.id(), currentPassword, EmailAddress.parse(newEmail),
                    request.getRemoteAddr());
        } catch (InvalidValue e) {
            return refuse(account, model, response, "emailError", e);
        }
        redirect.addFlashAttribute("notice", "account.email.sent");
        return "redirect:/akun";
    }

    private String refuse(SignedInAccount account, Model model, HttpServletResponse response, String attribute,
                          InvalidValue e) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute(attribute, e.messageKey());
        model.addAttribute(attribute + "Arguments", e.arguments());
        return dashboard(account, model);
    }
}
