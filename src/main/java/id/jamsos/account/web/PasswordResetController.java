package id.jamsos.account.web;

import id.jamsos.account.internal.Challenges;
import id.jamsos.account.internal.PasswordReset;
import id.jamsos.common.EmailAddress;
import id.jamsos.common.InvalidValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Lupa sandi": ask for a reset link, then choose a new password through it. */
@Controller
class PasswordResetController {

    private final PasswordReset reset;
    private final Challenges challenges;

    PasswordResetController(PasswordReset reset, Challenges challenges) {
        this.reset = reset;
        this.challenges = challenges;
    }

    @GetMapping("/lupa-sandi")
    String form() {
        return "account/forgot-password";
    }

    @PostMapping("/lupa-sandi")
    String request(@RequestParam(name = "email", required = false) String email,
                   @RequestParam(name = "altcha", required = false) String altcha, HttpServletRequest request,
                   HttpServletResponse response, Model model, RedirectAttributes redirect) {
        EmailAddress address;
        try {
            address = EmailAddress.parse(email);
        } catch (InvalidValue e) {
            return refuse(model, response, email, e.messageKey(), e.arguments());
        }
        if (!challenges.solved(altcha)) {
            return refuse(model, response, email, "altcha.unsolved", new Object[0]);
        }
        reset.request(address, request.getRemoteAddr());
        redirect.addFlashAttribute("requested", true);
        return "redirect:/lupa-sandi";
    }

    @GetMapping("/atur-ulang-sandi")
    String newPasswordForm(@RequestParam(name = "token", required = false) String token, Model model,
                           HttpServletResponse response) {
        if (!reset.isUsable(token)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("outcome", "RESET_INVALID");
            return "account/verified";
        }
        model.addAttribute("token", token);
        return "account/reset-password";
    }

    @PostMapping("/atur-ulang-sandi")
    String setNewPassword(@RequestParam(name = "token", required = false) String token,
                          @RequestParam(name = "password", required = false) String password,
                          @RequestParam(name = "passwordAgain", required = false) String passwordAgain,
                          HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("token", token);
        if (password == null || !password.equals(passwordAgain)) {
            model.addAttribute("error", "validation.password.mismatch");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "account/reset-password";
        }
        try {
            if (reset.complete(token, password, request.getRemoteAddr()) == PasswordReset.Outcome.INVALID_LINK) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                model.addAttribute("outcome", "RESET_INVALID");
                return "account/verified";
            }
        } catch (InvalidValue e) {
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "account/reset-password";
        }
        model.addAttribute("outcome", "RESET_DONE");
        return "account/verified";
    }

    private static String refuse(Model model, HttpServletResponse response, String email, String error,
                                 Object[] arguments) {
        model.addAttribute("email", email == null || email.length() > 254 ? "" : email);
        model.addAttribute("error", error);
        model.addAttribute("errorArguments", arguments);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "account/forgot-password";
    }
}
