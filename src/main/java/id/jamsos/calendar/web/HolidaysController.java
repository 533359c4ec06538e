package id.jamsos.calendar.web;

import id.jamsos.account.SignedInAccount;
import id.jamsos.calendar.internal.Holidays;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.JakartaTime;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Hari libur": administrators keep the year's holidays and joint leave days ({@code /admin/**} is admin-only). */
@Controller
class HolidaysController {

    private final Holidays holidays;
    private final Clock clock;

    HolidaysController(Holidays holidays, Clock clock) {
        this.holidays = holidays;
        this.clock = clock;
    }

    @GetMapping("/admin/hari-libur")
    String list(@RequestParam(name = "tahun", required = false) String year, Model model) {
        int shown = year(year);
        model.addAttribute("year", shown);
        model.addAttribute("holidays", holidays.ofYear(shown));
        model.addAttribute("kinds", Holidays.KINDS);
        return "calendar/holidays";
    }

    @PostMapping("/admin/hari-libur")
    String add(@AuthenticationPrincipal SignedInAccount admin, @RequestParam(required = false) String day,
               @RequestParam(required = false) String nameId, @RequestParam(required = false) String nameEn,
               @RequestParam(required = false) String kind, @RequestParam(required = false) String source,
               HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        LocalDate date;
        try {
            date = LocalDate.parse(day == null ? "" : day.strip());
            holidays.add(admin.id(), admin.email(), request.getRemoteAddr(), date, nameId, nameEn, kind, source);
        } catch (DateTimeParseException e) {
            return refused("holiday.date", new Object[0], response, model);
        } catch (InvalidValue e) {
            return refused(e.messageKey(), e.arguments(), response, model);
        }
        redirect.addFlashAttribute("notice", "holiday.added");
        return "redirect:/admin/hari-libur?tahun=" + date.getYear();
    }

    @PostMapping("/admin/hari-libur/hapus")
    String remove(@AuthenticationPrincipal SignedInAccount admin, @RequestParam(required = false) String day,
                  HttpServletRequest request, RedirectAttributes redirect) {
        try {
            LocalDate date = LocalDate.parse(day == null ? "" : day);
            holidays.remove(admin.id(), admin.email(), request.getRemoteAddr(), date);
            redirect.addFlashAttribute("notice", "holiday.removed");
            return "redirect:/admin/hari-libur?tahun=" + date.getYear();
        } catch (DateTimeParseException e) {
            return "redirect:/admin/hari-libur";
        }
    }

    private String refused(String key, Object[] arguments, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("error", key);
        model.addAttribute("errorArguments", arguments);
        return list(null, model);
    }

    private int year(String typed) {
        int current = JakartaTime.today(clock).getYear();
        try {
            int year = Integer.parseInt(typed == null ? "" : typed);
            return year >= 2000 && year <= 2099 ? year : current;
        } catch (NumberFormatException e) {
            return current;
        }
    }
}
