package id.jamsos.account.web;

import id.jamsos.account.internal.Challenges;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "Masuk": the sign-in page. Spring Security handles the POST; failures come back here as flash attributes (see
 * {@code SignInFailurePage}).
 */
@Controller
class SignInController {

    private final Challenges challenges;

    SignInController(Challenges challenges) {
        this.challenges = challenges;
    }

    @GetMapping("/masuk")
    String signIn(HttpServletRequest request, Model model) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null && current.isAuthenticated() && !(current instanceof AnonymousAuthenticationToken)) {
            return "redirect:/akun";
        }
        boolean required = Boolean.TRUE.equals(model.getAttribute("challengeRequired"))
                || challenges.requiredForSignInFrom(request.getRemoteAddr());
        model.addAttribute("challengeRequired", required);
        return "account/sign-in";
    }
}
