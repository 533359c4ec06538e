package id.jamsos.account.web;

import id.jamsos.platform.FormFields;
import id.jamsos.account.Role;
import id.jamsos.account.SignedInAccount;
import id.jamsos.account.internal.StaffAccounts;
import id.jamsos.common.EmailAddress;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.MobileNumber;
import id.jamsos.common.PersonName;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
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

/** "Kelola akun": administrators list accounts and invite officers, employer administrators and administrators. */
@Controller
class AdminAccountsController {

    static final int PAGE_SIZE = 20;
    static final List<Role> STAFF_ROLES = List.of(Role.OFFICER, Role.EMPLOYER_ADMIN, Role.ADMIN);

    private final StaffAccounts staff;

    AdminAccountsController(StaffAccounts staff) {
        this.staff = staff;
    }

    @GetMapping("/admin/akun")
    String list(@RequestParam(name = "page", defaultValue = "0") String page,
                @ModelAttribute("form") StaffForm form, Model model) {
        int current = pageNumber(page);
        long total = staff.count();
        model.addAttribute("accounts", staff.page(current, PAGE_SIZE));
        model.addAttribute("page", current);
        model.addAttribute("lastPage", Math.max(0, (total - 1) / PAGE_SIZE));
        model.addAttribute("roles", STAFF_ROLES);
        return "account/admin-accounts";
    }

    @PostMapping("/admin/akun")
    String invite(@AuthenticationPrincipal SignedInAccount admin, @ModelAttribute("form") StaffForm form,
                  BindingResult result, HttpServletRequest request, HttpServletResponse response, Locale locale,
                  Model model, RedirectAttributes redirect) {
        PersonName name = FormFields.parse(result, "fullName", () -> PersonName.parse(form.getFullName()));
        EmailAddress email = FormFields.parse(result, "email", () -> EmailAddress.parse(form.getEmail()));
        MobileNumber mobile = FormFields.parse(result, "mobileNumber", () -> MobileNumber.parse(form.getMobileNumber()));
        Role role = STAFF_ROLES.stream().filter(r -> r.name().equals(form.getRole())).findFirst().orElse(null);
        if (role == null) {
            result.rejectValue("role", "admin.accounts.role.invalid");
        }
        if (!result.hasErrors()) {
            try {
                staff.invite(admin.id(), name, email, mobile, role, locale, request.getRemoteAddr());
                redirect.addFlashAttribute("notice", "admin.accounts.invited");
                return "redirect:/admin/akun";
            } catch (InvalidValue e) {
                FormFields.reject(result, "email", e);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return list("0", form, model);
    }

    private static int pageNumber(String page) {
        try {
            return Math.max(0, Math.min(Integer.parseInt(page), 1_000_000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
