package id.jamsos.contribution.web;

import id.jamsos.common.InvalidValue;
import id.jamsos.common.JakartaTime;
import id.jamsos.common.Period;
import id.jamsos.common.RiskClass;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.Contribution;
import id.jamsos.contribution.Contributions;
import id.jamsos.contribution.LatePenalty;
import id.jamsos.contribution.Party;
import id.jamsos.contribution.Program;
import id.jamsos.contribution.RatesInForce;
import id.jamsos.contribution.ShareRate;
import id.jamsos.contribution.internal.RateTables;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Simulasi iuran", public and without sign-in: a wage earner's or an informal worker's monthly contribution and the
 * late penalty of a payment, with the rates and their legal basis. Plain GET forms, so it works without JavaScript and
 * a result can be bookmarked; htmx swaps only the section that was sent.
 */
@Controller
class SimulatorController {

    static final String PAGE = "contribution/simulator";
    /** What a date field sends (ISO) and how people type a date where the browser has no date picker. */
    static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT));

    record PuForm(String periode, String upah, String kelas) {
    }

    record BpuForm(String periode, String penghasilan, boolean jht) {
    }

    record PenaltyForm(String kategori, String periode, String iuran, String dibayar) {
    }

    /** A legal basis shown under a result: what it is for and the regulation. */
    record LegalBasis(String label, String text) {
    }

    record Result(Contribution contribution, RateTables.RiskClassRow riskClass, RateTables.CeilingRow ceiling,
                  RateTables.JkpRow jkp, List<LegalBasis> legalBases) {
    }

    private final Contributions contributions;
    private final RateTables tables;
    private final MessageSource messages;
    private final Clock clock;

    SimulatorController(Contributions contributions, RateTables tables, MessageSource messages, Clock clock) {
        this.contributions = contributions;
        this.tables = tables;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/simulasi")
    String contribution(@RequestParam(required = false) String kategori,
                        @RequestParam(required = false) String periode, @RequestParam(required = false) String upah,
                        @RequestParam(required = false) String kelas,
                        @RequestParam(required = false) String penghasilan,
                        @RequestParam(required = false) String jht,
                        @RequestHeader(name = "HX-Request", required = false) String htmx,
                        Locale locale, Model model, HttpServletResponse response) {
        defaults(model);
        if ("BPU".equals(kategori)) {
            BpuForm form = new BpuForm(periode, penghasilan, jht != null);
            model.addAttribute("bpu", form);
            return answer(informal(form, locale, model), "bpu", htmx, response);
        }
        if ("PU".equals(kategori)) {
            PuForm form = new PuForm(periode, upah, kelas);
            model.addAttribute("pu", form);
            return answer(wageEarner(form, locale, model), "pu", htmx, response);
        }
        return PAGE;
    }

    @GetMapping("/simulasi/denda")
    String penalty(@RequestParam(required = false) String kategori, @RequestParam(required = false) String periode,
                   @RequestParam(required = false) String iuran, @RequestParam(required = false) String dibayar,
                   @RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model,
                   HttpServletResponse response) {
        defaults(model);
        PenaltyForm form = new PenaltyForm(kategori, periode, iuran, dibayar);
        model.addAttribute("penalty", form);
        Map<String, String> errors = new LinkedHashMap<>();
        Category category = "BPU".equals(kategori) ? Category.BPU : "PU".equals(kategori) ? Category.PU : null;
        if (category == null) {
            errors.put("kategori", text(new InvalidValue("simulation.category"), locale));
        }
        Period period = period(periode, "penalty-periode", errors, locale);
        Rupiah amount = parse(() -> Rupiah.parse(iuran), "iuran", errors, locale);
        LocalDate paidOn = paidOn(dibayar, errors, locale);
        if (errors.isEmpty()) {
            try {
                LatePenalty penalty = contributions.latePenalty(category, period, amount, paidOn);
                model.addAttribute("penaltyResult", penalty);
                model.addAttribute("penaltyRate", contributions.ratesFor(period).latePenaltyPerMonth());
                model.addAttribute("penaltyRow", tables.latePenaltyRateInForce(period.firstDay()).orElse(null));
            } catch (ArithmeticException e) {
                errors.put("iuran", text(new InvalidValue("simulation.amount.too-large"), locale));
            }
        }
        model.addAttribute("penaltyErrors", errors);
        return answer(errors.isEmpty(), "penalty", htmx, response);
    }

    private boolean wageEarner(PuForm form, Locale locale, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Period period = period(form.periode(), "pu-periode", errors, locale);
        Rupiah wage = parse(() -> Rupiah.parse(form.upah()), "upah", errors, locale);
        RiskClass riskClass = parse(() -> RiskClass.parse(form.kelas()), "kelas", errors, locale);
        model.addAttribute("puErrors", errors);
        if (!errors.isEmpty()) {
            return false;
        }
        Contribution contribution = contributions.wageEarner(period, wage, riskClass);
        RateTables.RiskClassRow row = tables.riskClassesInForce(period).stream()
                .filter(r -> r.riskClass() == riskClass.value()).findFirst().orElse(null);
        RateTables.CeilingRow ceiling = tables.jpWageCeilingInForce(period).orElse(null);
        List<LegalBasis> bases = legalBases(contributions.ratesFor(period), contribution, Category.PU, locale);
        if (row != null) {
            bases.add(new LegalBasis(messages.getMessage("simulator.basis.jkk-class", null, locale),
                    row.legalBasis()));
        }
        if (ceiling != null) {
            bases.add(new LegalBasis(messages.getMessage("simulator.basis.jp-ceiling", null, locale),
                    ceiling.legalBasis()));
        }
        model.addAttribute("puResult", new Result(contribution, row, ceiling,
                tables.jkpFundingInForce(period).orElse(null), bases));
        return true;
    }

    private boolean informal(BpuForm form, Locale locale, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Period period = period(form.periode(), "bpu-periode", errors, locale);
        Rupiah income = parse(() -> Rupiah.parse(form.penghasilan()), "penghasilan", errors, locale);
        Set<Program> programs = form.jht() ? EnumSet.of(Program.JHT) : EnumSet.noneOf(Program.class);
        Contribution contribution = null;
        if (errors.isEmpty()) {
            contribution = parse(() -> contributions.informal(period, income, programs), "penghasilan", errors,
                    locale);
        }
        model.addAttribute("bpuErrors", errors);
        if (contribution == null) {
            return false;
        }
        model.addAttribute("bpuResult", new Result(contribution, null, null, null,
                legalBases(contributions.ratesFor(period), contribution, Category.BPU, locale)));
        return true;
    }

    /** One line per program: the legal basis of its shares, as the rate table records it. */
    private List<LegalBasis> legalBases(RatesInForce rates, Contribution contribution, Category category,
                                        Locale locale) {
        List<LegalBasis> bases = new ArrayList<>();
        contribution.lines().forEach(line -> {
            Set<String> texts = new LinkedHashSet<>();
            for (Party party : Party.values()) {
                rates.share(line.program(), category, party).map(ShareRate::legalBasis).ifPresent(texts::add);
            }
            bases.add(new LegalBasis(messages.getMessage("simulator.program." + line.program(), null, locale),
                    String.join("; ", texts)));
        });
        return bases;
    }

    private String answer(boolean valid, String fragment, String htmx, HttpServletResponse response) {
        if (htmx != null) {
            // htmx swaps only 2xx answers, so a refused form comes back as 200 with its messages in the fragment.
            return PAGE + " :: " + fragment;
        }
        if (!valid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return PAGE;
    }

    private void defaults(Model model) {
        LocalDate today = JakartaTime.today(clock);
        String month = Period.of(today).toString();
        model.addAttribute("pu", new PuForm(month, "", "1"));
        model.addAttribute("bpu", new BpuForm(month, "", false));
        model.addAttribute("penalty", new PenaltyForm("PU", Period.of(today).previous().toString(), "",
                today.toString()));
        model.addAttribute("today", today);
        Period shown = Period.of(today);
        model.addAttribute("riskClasses", tables.riskClassesInForce(shown));
        RatesInForce rates = contributions.ratesFor(shown);
        model.addAttribute("bpuMinimum", rates.bpuIncomeMinimum().formatted());
        model.addAttribute("bpuMaximum", rates.bpuIncomeMaximum().formatted());
        model.addAttribute("puErrors", Map.of());
        model.addAttribute("bpuErrors", Map.of());
        model.addAttribute("penaltyErrors", Map.of());
    }

    private Period period(String typed, String field, Map<String, String> errors, Locale locale) {
        return parse(() -> {
            Period period = Period.parse(typed);
            contributions.ratesFor(period);
            return period;
        }, field, errors, locale);
    }

    private LocalDate paidOn(String typed, Map<String, String> errors, Locale locale) {
        String text = typed == null ? "" : typed.strip();
        for (DateTimeFormatter format : DATES) {
            try {
                LocalDate date = LocalDate.parse(text, format);
                if (date.getYear() >= 2000 && date.getYear() <= 2200) {
                    return date;
                }
            } catch (DateTimeParseException e) {
                // try the next way of writing it, then refuse
            }
        }
        errors.put("dibayar", text(new InvalidValue("simulation.date"), locale));
        return null;
    }

    private <T> T parse(java.util.function.Supplier<T> parser, String field, Map<String, String> errors,
                        Locale locale) {
        try {
            return parser.get();
        } catch (InvalidValue e) {
            errors.put(field, text(e, locale));
            return null;
        }
    }

    private String text(InvalidValue e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.arguments(), locale);
    }
}
