package id.jamsos.membership.internal;

import id.jamsos.common.InvalidValue;
import id.jamsos.common.Npp;
import id.jamsos.common.Rupiah;
import id.jamsos.common.Text;
import id.jamsos.membership.MemberCategory;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Step 2 as typed, on the web form or in the app's JSON, checked field by field: either a {@link Work} or the
 * refusal of each field. Only the fields of the chosen category are read.
 */
public record WorkInput(String category, String employerNpp, String employerName, String jobTitle, String startDate,
                        String monthlyWage, String occupation, String workLocation, String declaredIncome,
                        Boolean jht) {

    public record Checked(Work work, Map<String, InvalidValue> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public Checked check(LocalDate today) {
        Map<String, InvalidValue> errors = new LinkedHashMap<>();
        MemberCategory chosen = field(errors, "category", () -> Arrays.stream(MemberCategory.values())
                .filter(c -> c.name().equals(category)).findFirst()
                .orElseThrow(() -> new InvalidValue("validation.work.category")));
        if (chosen == null) {
            return new Checked(null, errors);
        }
        Work work = chosen == MemberCategory.PU ? wageEarner(errors, today) : informal(errors);
        return new Checked(errors.isEmpty() ? work : null, errors);
    }

    private Work wageEarner(Map<String, InvalidValue> errors, LocalDate today) {
        boolean nppTyped = employerNpp != null && !employerNpp.isBlank();
        boolean nameTyped = employerName != null && !employerName.isBlank();
        if (!nppTyped && !nameTyped) {
            errors.put("employerName", new InvalidValue("validation.work.employer"));
        }
        Npp npp = nppTyped ? field(errors, "employerNpp", () -> Npp.parse(employerNpp)) : null;
        String name = nameTyped ? field(errors, "employerName", () -> Text.required(employerName, 200)) : null;
        String job = field(errors, "jobTitle", () -> Text.required(jobTitle, 100));
        LocalDate start = field(errors, "startDate", () -> startDate(today));
        Rupiah wage = field(errors, "monthlyWage", () -> positive(monthlyWage));
        return Work.wageEarner(npp, name, job, start, wage);
    }

    private Work informal(Map<String, InvalidValue> errors) {
        String what = field(errors, "occupation", () -> Text.required(occupation, 100));
        String where = field(errors, "workLocation", () -> Text.required(workLocation, 200));
        Rupiah income = field(errors, "declaredIncome", () -> positive(declaredIncome));
        return Work.informal(what, where, income, Boolean.TRUE.equals(jht));
    }

    /** The first day of work: a real date, not before 1950 and not later than today (a job not yet begun cannot be insured). */
    private LocalDate startDate(LocalDate today) {
        try {
            LocalDate date = LocalDate.parse(Text.required(startDate, 10));
            if (date.isAfter(today) || date.getYear() < 1950) {
                throw new InvalidValue("validation.work.start-date");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new InvalidValue("validation.work.start-date");
        }
    }

    private static Rupiah positive(String typed) {
        Rupiah amount = Rupiah.parse(typed);
        if (amount.isZero()) {
            throw new InvalidValue("validation.work.amount");
        }
        return amount;
    }

    private static <T> T field(Map<String, InvalidValue> errors, String name, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (InvalidValue e) {
            errors.put(name, e);
            return null;
        }
    }
}
