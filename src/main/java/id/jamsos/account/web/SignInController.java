package id.jamsos.account.web;

import id.jamsos.account.internal.Challenges;
import id.jamsos.account.internal.SignInFailurePage;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * "Masuk": the sign-in page. Spring Security handles the POST; a failure is forwarded here by
 * {@link SignInFailurePage} and shown with status 401.
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

    @RequestMapping(SignInFailurePage.PATH)
    String failed(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (request.getDispatcherType() != DispatcherType.FORWARD || request.getAttribute(SignInFailurePage.ERROR) == null) {
            return "redirect:/masuk";
        }
        response.setStatus((Integer) request.getAttribute(SignInFailurePage.STATUS));
        model.addAttribute("error", request.getAttribute(SignInFailurePage.ERROR));
        model.addAttribute("email", request.getAttribute(SignInFailurePage.EMAIL));
        model.addAttribute("retryAt", request.getAttribute(SignInFailurePage.RETRY_AT));
        model.addAttribute("challengeRequired", Boolean.TRUE.equals(request.getAttribute(SignInFailurePage.CHALLENGE_REQUIRED))
                || challenges.requiredForSignInFrom(request.getRemoteAddr()));
        return "account/sign-in";
    }
}
