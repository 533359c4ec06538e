package id.jamsos.contribution.web;

import id.jamsos.account.SignedInAccount;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.Rate;
import id.jamsos.common.RiskClass;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.Party;
import id.jamsos.contribution.Program;
import id.jamsos.contribution.internal.RateTables;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Tarif iuran": administrators see every rate table with its legal basis and effective dates and add new
 * effective-dated rows ({@code /admin/**} is admin-only). A row is never edited: a change is a new row.
 */
@Controller
class RatesAdminController {

    static final String PAGE = "contribution/rates";

    /** One of the add forms; each posts its own fields. */
    @FunctionalInterface
    interface Addition {
        void add(RateTables.Administrator admin, LocalDate effectiveFrom);
    }

    private final RateTables tables;
    private final MessageSource messages;

    RatesAdminController(RateTables tables, MessageSource messages) {
        this.tables = tables;
        this.messages = messages;
    }

    @GetMapping("/admin/tarif")
    String page(Model model) {
        model.addAttribute("shares", tables.shareRates());
        model.addAttribute("riskClasses", tables.riskClasses());
        model.addAttribute("ceilings", tables.jpWageCeilings());
        model.addAttribute("bounds", tables.bpuIncomeBounds());
        model.addAttribute("penalties", tables.latePenaltyRates());
        model.addAttribute("jkp", tables.jkpFunding());
        model.addAttribute("lastBilled", tables.lastBilledPeriod().orElse(null));
        model.addAttribute("programs", Program.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("parties", Party.values());
        model.addAttribute("bases", RateTables.BASES);
        return PAGE;
    }

    @PostMapping("/admin/tarif/iuran")
    String addShare(@AuthenticationPrincipal SignedInAccount admin, @RequestParam(required = false) String program,
                    @RequestParam(required = false) String category, @RequestParam(required = false) String party,
                    @RequestParam(required = false) String basis, @RequestParam(required = false) String rate,
                    @RequestParam(required = false) String flatAmount, @RequestParam(required = false) String effectiveFrom,
                    @RequestParam(required = false) String legalBasis, @RequestParam(required = false) String note,
                    HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return add("share", effectiveFrom, admin, request, response, model, redirect, (who, from) ->
                tables.addShareRate(who, named(Program.values(), program), named(Category.values(), category),
                        named(Party.values(), party), basis == null ? "" : basis,
                        blank(rate) ? null : Rate.parsePercent(rate),
                        blank(flatAmount) ? null : Rupiah.parse(flatAmount), from, legalBasis, note));
    }

    @PostMapping("/admin/tarif/jkk")
    String addRiskClass(@AuthenticationPrincipal SignedInAccount admin,
                        @RequestParam(required = false) String riskClass, @RequestParam(required = false) String rate,
                        @RequestParam(required = false) String effectiveFrom,
                        @RequestParam(required = false) String legalBasis, @RequestParam(required = false) String note,
                        HttpServletRequest request, HttpServletResponse response, Model model,
                        RedirectAttributes redirect) {
        return add("jkk", effectiveFrom, admin, request, response, model, redirect, (who, from) ->
                tables.addRiskClassRate(who, RiskClass.parse(riskClass), Rate.parsePercent(rate), from, legalBasis,
                        note));
    }

    @PostMapping("/admin/tarif/batas-upah-jp")
    String addCeiling(@AuthenticationPrincipal SignedInAccount admin, @RequestParam(required = false) String ceiling,
                      @RequestParam(required = false) String effectiveFrom,
                      @RequestParam(required = false) String legalBasis, @RequestParam(required = false) String note,
                      HttpServletRequest request, HttpServletResponse response, Model model,
                      RedirectAttributes redirect) {
        return add("ceiling", effectiveFrom, admin, request, response, model, redirect, (who, from) ->
                tables.addJpWageCeiling(who, Rupiah.parse(ceiling), from, legalBasis, note));
    }

    @PostMapping("/admin/tarif/batas-bpu")
    String addBounds(@AuthenticationPrincipal SignedInAccount admin, @RequestParam(required = false) String minimum,
                     @RequestParam(required = false) String maximum, @RequestParam(required = false) String effectiveFrom,
                     @RequestParam(required = false) String legalBasis, @RequestParam(required = false) String note,
                     HttpServletRequest request, HttpServletResponse response, Model model,
                     RedirectAttributes redirect) {
        return add("bounds", effectiveFrom, admin, request, response, model, redirect, (who, from) ->
                tables.addBpuIncomeBounds(who, Rupiah.parse(minimum), Rupiah.parse(maximum), from, legalBasis, note));
    }

    @PostMapping("/admin/tarif/denda")
    String addPenalty(@AuthenticationPrincipal SignedInAccount admin, @RequestParam(required = false) String rate,
                      @RequestParam(required = false) String effectiveFrom,
                      @RequestParam(required = false) String legalBasis, @RequestParam(required = false) String note,
                      HttpServletRequest request, HttpServletResponse response, Model model,
                      RedirectAttributes redirect) {
        return add("penalty", effectiveFrom, admin, request, response, model, redirect, (who, from) ->
                tables.addLatePenaltyRate(who, Rate.parsePercent(rate), from, legalBasis, note));
    }

    private String add(String form, String effectiveFrom, SignedInAccount admin, HttpServletRequest request,
                       HttpServletResponse response, Model model, RedirectAttributes redirect, Addition addition) {
        RateTables.Administrator who = new RateTables.Administrator(admin.id(), admin.email(), request.getRemoteAddr());
        try {
            LocalDate from = LocalDate.parse(effectiveFrom == null ? "" : effectiveFrom.strip());
            addition.add(who, from);
        } catch (DateTimeParseException e) {
            return refused(who, form, new InvalidValue("rates.effective-from.invalid"), response, model);
        } catch (InvalidValue e) {
            return refused(who, form, e, response, model);
        }
        redirect.addFlashAttribute("notice", "rates.added");
        return "redirect:/admin/tarif";
    }

    private String refused(RateTables.Administrator who, String form, InvalidValue error,
                           HttpServletResponse response, Model model) {
        tables.recordRefused(who, form, error);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("errorForm", form);
        model.addAttribute("error", messages.getMessage(error.messageKey(), error.arguments(),
                LocaleContextHolder.getLocale()));
        return page(model);
    }

    private static <E extends Enum<E>> E named(E[] values, String typed) {
        return Arrays.stream(values).filter(v -> v.name().equals(typed)).findFirst()
                .orElseThrow(() -> new InvalidValue("rates.choice.invalid"));
    }

    private static boolean blank(String typed) {
        return typed == null || typed.isBlank();
    }
}
