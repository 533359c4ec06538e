package id.jamsos.contribution.api;

import id.jamsos.common.InvalidValue;
import id.jamsos.common.Period;
import id.jamsos.common.RiskClass;
import id.jamsos.common.Rupiah;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.Contribution;
import id.jamsos.contribution.Contributions;
import id.jamsos.contribution.LatePenalty;
import id.jamsos.contribution.Program;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The public simulators for other systems: what a month's contribution is (RULES.md §2–§3) and what a late payment
 * costs (§4). No sign-in and no CSRF token (nothing is stored). Amounts are JSON integers in whole rupiah. Every
 * refused input is a 400 problem detail whose {@code errors} name each field in the caller's language
 * ({@code ?lang=en}; Indonesian by default). Keep the field names and their order: other systems depend on them.
 */
@RestController
@RequestMapping("/api/v1/simulations")
@Tag(name = "Simulations", description = "Contribution and late-penalty simulators (public, no sign-in)")
class SimulationsApi {

    static final URI INVALID = URI.create("https://jamsos.id/problems/invalid-input");

    private final Contributions contributions;
    private final MessageSource messages;

    SimulationsApi(Contributions contributions, MessageSource messages) {
        this.contributions = contributions;
        this.messages = messages;
    }

    @Operation(summary = "A month's contribution of a wage earner (PU) or an informal worker (BPU)",
            description = "PU: JHT, JKK (by the employer's risk class), JKM and JP (on the wage capped at the JP ceiling"
                    + " in force on the first day of the month); employer and worker shares. BPU: JKK, JKM, and JHT"
                    + " when chosen, all paid by the member (in `worker`; `employer` is 0). Each share is rounded once,"
                    + " half up, to whole rupiah; totals are sums of rounded shares.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = SimulationViews.ContributionRequest.class), examples = {
                    @ExampleObject(name = "PU", value = "{\"category\":\"PU\",\"period\":\"2025-03\","
                            + "\"monthlyWage\":12000000,\"riskClass\":2}"),
                    @ExampleObject(name = "BPU", value = "{\"category\":\"BPU\",\"period\":\"2025-03\","
                            + "\"declaredIncome\":2500000,\"programs\":[\"JKK\",\"JKM\",\"JHT\"]}")})))
    @ApiResponse(responseCode = "200", content = @Content(
            schema = @Schema(implementation = SimulationViews.ContributionView.class)))
    @ApiResponse(responseCode = "400", description = "Invalid input; `errors` names each field",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping("/contributions")
    ResponseEntity<?> contributions(@RequestBody JsonNode body, Locale locale) {
        Map<String, InvalidValue> errors = new LinkedHashMap<>();
        if (!body.isObject()) {
            return invalid(Map.of("body", new InvalidValue("simulation.body")), locale);
        }
        Category category = JsonFields.category(body, errors);
        Period period = JsonFields.period(body, errors, contributions);
        if (category == null) {
            return invalid(errors, locale);
        }
        if (category == Category.BPU) {
            return informal(body, period, errors, locale);
        }
        Rupiah wage = JsonFields.amount(body, "monthlyWage", errors);
        RiskClass riskClass = JsonFields.riskClass(body, errors);
        if (!errors.isEmpty()) {
            return invalid(errors, locale);
        }
        return ResponseEntity.ok(SimulationViews.ContributionView.of(
                contributions.wageEarner(period, wage, riskClass)));
    }

    private ResponseEntity<?> informal(JsonNode body, Period period, Map<String, InvalidValue> errors,
                                       Locale locale) {
        Rupiah income = JsonFields.amount(body, "declaredIncome", errors);
        Set<Program> programs = JsonFields.programs(body, errors);
        if (!errors.isEmpty()) {
            return invalid(errors, locale);
        }
        try {
            Contribution contribution = contributions.informal(period, income, programs);
            return ResponseEntity.ok(SimulationViews.ContributionView.of(contribution));
        } catch (InvalidValue e) {
            String field = e.messageKey().equals("contribution.programs.bpu") ? "programs" : "declaredIncome";
            return invalid(Map.of(field, e), locale);
        }
    }

    @Operation(summary = "Due date, months late and late penalty of a month's contribution paid on a given day",
            description = "PU: month M is due on the 15th of M+1, BPU on the 15th of M; a due date on a weekend or a"
                    + " holiday of the holiday table moves to the next working day. Months late = the monthly steps"
                    + " started after the due date (paid on the due date: 0; the next day up to the same day a month"
                    + " later: 1; …). PU penalty: the rate in force (2%) per month late, rounded once; BPU: 0.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = SimulationViews.LatePenaltyRequest.class), examples =
                    @ExampleObject(value = "{\"category\":\"PU\",\"period\":\"2025-03\",\"contribution\":1000000,"
                            + "\"paidOn\":\"2025-05-16\"}"))))
    @ApiResponse(responseCode = "200", content = @Content(
            schema = @Schema(implementation = SimulationViews.LatePenaltyView.class)))
    @ApiResponse(responseCode = "400", description = "Invalid input; `errors` names each field",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping("/late-penalty")
    ResponseEntity<?> latePenalty(@RequestBody JsonNode body, Locale locale) {
        Map<String, InvalidValue> errors = new LinkedHashMap<>();
        if (!body.isObject()) {
            return invalid(Map.of("body", new InvalidValue("simulation.body")), locale);
        }
        Category category = JsonFields.category(body, errors);
        Period period = JsonFields.period(body, errors, contributions);
        Rupiah contribution = JsonFields.amount(body, "contribution", errors);
        LocalDate paidOn = JsonFields.date(body, "paidOn", errors);
        if (!errors.isEmpty()) {
            return invalid(errors, locale);
        }
        try {
            LatePenalty penalty = contributions.latePenalty(category, period, contribution, paidOn);
            return ResponseEntity.ok(SimulationViews.LatePenaltyView.of(penalty));
        } catch (ArithmeticException e) {
            return invalid(Map.of("contribution", new InvalidValue("simulation.amount.too-large")), locale);
        }
    }

    /** Malformed JSON, a missing body or a body that is not JSON: a client error naming the body. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(Locale locale) {
        return invalid(Map.of("body", new InvalidValue("simulation.body")), locale);
    }

    private ResponseEntity<ProblemDetail> invalid(Map<String, InvalidValue> errors, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("form.errors.title", null, locale));
        problem.setType(INVALID);
        Map<String, String> fields = new LinkedHashMap<>();
        errors.forEach((field, e) -> fields.put(field, messages.getMessage(e.messageKey(), e.arguments(), locale)));
        problem.setProperty("errors", fields);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Reading typed fields from the request, each refusal recorded under its field name. */
    static final class JsonFields {

        /** 15 digits, as a typed amount may have: far above any wage, and products of rates stay within a long. */
        static final long MAX_AMOUNT = 999_999_999_999_999L;

        private JsonFields() {
        }

        static Category category(JsonNode body, Map<String, InvalidValue> errors) {
            JsonNode node = body.get("category");
            if (node != null && node.isString()) {
                for (Category category : Category.values()) {
                    if (category.name().equals(node.stringValue())) {
                        return category;
                    }
                }
            }
            errors.put("category", new InvalidValue("simulation.category"));
            return null;
        }

        /** The month, refused when it is not {@code YYYY-MM} or comes before the earliest rate. */
        static Period period(JsonNode body, Map<String, InvalidValue> errors, Contributions contributions) {
            JsonNode node = body.get("period");
            try {
                Period period = Period.parse(node != null && node.isString() ? node.stringValue() : null);
                contributions.ratesFor(period);
                return period;
            } catch (InvalidValue e) {
                errors.put("period", e);
                return null;
            }
        }

        static Rupiah amount(JsonNode body, String field, Map<String, InvalidValue> errors) {
            JsonNode node = body.get(field);
            if (node == null || node.isNull()) {
                errors.put(field, new InvalidValue("simulation.required"));
            } else if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                errors.put(field, new InvalidValue("simulation.amount.whole"));
            } else if (node.longValue() < 0) {
                errors.put(field, new InvalidValue(field.equals("monthlyWage") ? "contribution.wage.negative"
                        : "contribution.amount.negative"));
            } else if (node.longValue() > MAX_AMOUNT) {
                errors.put(field, new InvalidValue("simulation.amount.too-large"));
            } else {
                return Rupiah.of(node.longValue());
            }
            return null;
        }

        static RiskClass riskClass(JsonNode body, Map<String, InvalidValue> errors) {
            JsonNode node = body.get("riskClass");
            if (node != null && node.isIntegralNumber() && node.canConvertToInt()) {
                try {
                    return RiskClass.of(node.intValue());
                } catch (InvalidValue e) {
                    errors.put("riskClass", e);
                    return null;
                }
            }
            errors.put("riskClass", new InvalidValue("validation.risk-class.range"));
            return null;
        }

        /** The programs a BPU member chooses; JKK and JKM are added anyway. Absent: JKK and JKM only. */
        static Set<Program> programs(JsonNode body, Map<String, InvalidValue> errors) {
            JsonNode node = body.get("programs");
            Set<Program> programs = EnumSet.noneOf(Program.class);
            if (node == null || node.isNull()) {
                return programs;
            }
            if (!node.isArray() || node.size() > Program.values().length) {
                errors.put("programs", new InvalidValue("simulation.programs"));
                return programs;
            }
            for (JsonNode item : node.values()) {
                Program program = item.isString() ? program(item.stringValue()) : null;
                if (program == null) {
                    errors.put("programs", new InvalidValue("simulation.programs"));
                    return programs;
                }
                programs.add(program);
            }
            return programs;
        }

        private static Program program(String name) {
            for (Program program : Program.values()) {
                if (program.name().equals(name)) {
                    return program;
                }
            }
            return null;
        }

        /** A day written {@code YYYY-MM-DD}, between the years 2000 and 2200 (as a period is). */
        static LocalDate date(JsonNode body, String field, Map<String, InvalidValue> errors) {
            JsonNode node = body.get(field);
            try {
                LocalDate date = LocalDate.parse(node != null && node.isString() ? node.stringValue() : "");
                if (date.getYear() >= 2000 && date.getYear() <= 2200) {
                    return date;
                }
            } catch (DateTimeParseException e) {
                // refused below
            }
            errors.put(field, new InvalidValue("simulation.date"));
            return null;
        }
    }
}
