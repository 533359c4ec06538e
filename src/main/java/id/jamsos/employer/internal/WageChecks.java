package id.jamsos.employer.internal;

import id.jamsos.common.InvalidValue;
import id.jamsos.common.JakartaTime;
import id.jamsos.common.Kpj;
import id.jamsos.common.Nik;
import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import id.jamsos.employer.internal.Employments.Employment;
import id.jamsos.membership.Member;
import id.jamsos.membership.Members;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Checks every line of a wage report: a known member employed by this employer in the period, named once, with a
 * name that roughly matches and a plausible wage. A cell that a spreadsheet would run as a formula ({@code =}, {@code
 * +}, {@code -}, {@code @}, tab, carriage return at the start) is never a valid name or number.
 */
@Component
class WageChecks {

    enum Field { IDENTIFIER, NAME, WAGE, LINE }

    record Problem(int line, Field field, String messageKey, String argument) {
    }

    record ValidLine(int line, UUID memberId, Rupiah wage) {
    }

    record Checked(List<ValidLine> valid, List<Problem> problems, int lineCount) {
    }

    private static final Pattern FORMULA_START = Pattern.compile("^[=+\\-@\\t\\r].*", Pattern.DOTALL);
    private static final Pattern NEGATIVE = Pattern.compile("^-\\s*(?i:rp\\.?)?\\s*[0-9][0-9.\\s]*$");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.-]");

    private final Members members;
    private final Employments employments;
    private final WageSettings settings;
    private final Clock clock;

    WageChecks(Members members, Employments employments, WageSettings settings, Clock clock) {
        this.members = members;
        this.employments = employments;
        this.settings = settings;
        this.clock = clock;
    }

    /** @param namesTyped false for the on-screen form, whose lines are the employer's own workers picked by KPJ */
    Checked check(long employerId, Period period, List<RawLine> lines, boolean namesTyped) {
        Map<String, UUID> byKpj = new HashMap<>();
        for (Employment e : employments.activeIn(employerId, period)) {
            byKpj.put(e.kpj(), e.memberId());
        }
        Set<UUID> employed = Set.copyOf(byKpj.values());
        Map<UUID, Integer> seen = new HashMap<>();
        List<ValidLine> valid = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (RawLine line : lines) {
            int before = problems.size();
            if (line.cells() > 3) {
                problems.add(new Problem(line.number(), Field.LINE, "wage-line.columns", null));
            }
            Optional<Member> member = member(line, byKpj, employed, problems);
            member.filter(m -> seen.putIfAbsent(m.id(), line.number()) != null).ifPresent(m -> problems.add(new Problem(
                    line.number(), Field.IDENTIFIER, "wage-line.duplicate", seen.get(m.id()).toString())));
            if (namesTyped) {
                checkName(line, member, problems);
            }
            Optional<Rupiah> wage = wage(line, problems);
            if (problems.size() == before && member.isPresent() && wage.isPresent()) {
                valid.add(new ValidLine(line.number(), member.get().id(), wage.get()));
            }
        }
        return new Checked(valid, problems, lines.size());
    }

    private Optional<Member> member(RawLine line, Map<String, UUID> byKpj, Set<UUID> employed, List<Problem> problems) {
        String typed = line.identifier().strip();
        if (typed.isEmpty()) {
            return problem(problems, line, Field.IDENTIFIER, "wage-line.identifier.required");
        }
        if (FORMULA_START.matcher(line.identifier()).matches()) {
            return problem(problems, line, Field.IDENTIFIER, "wage-line.formula");
        }
        String digits = SEPARATORS.matcher(typed).replaceAll("");
        try {
            Optional<Member> found;
            if (digits.length() == 16) {
                found = members.byNik(Nik.parse(digits, JakartaTime.today(clock)));
            } else {
                Kpj kpj = Kpj.parse(digits);
                UUID id = byKpj.get(kpj.value());
                found = id != null ? members.byId(id) : members.byKpj(kpj);
            }
            if (found.isEmpty()) {
                return problem(problems, line, Field.IDENTIFIER, "wage-line.member.unknown");
            }
            if (!employed.contains(found.get().id())) {
                return problem(problems, line, Field.IDENTIFIER, "wage-line.member.not-employed");
            }
            return found;
        } catch (InvalidValue e) {
            return problem(problems, line, Field.IDENTIFIER, "wage-line.identifier.format");
        }
    }

    private static void checkName(RawLine line, Optional<Member> member, List<Problem> problems) {
        String typed = line.name().strip();
        if (typed.isEmpty()) {
            problems.add(new Problem(line.number(), Field.NAME, "wage-line.name.required", null));
        } else if (FORMULA_START.matcher(line.name()).matches()) {
            problems.add(new Problem(line.number(), Field.NAME, "wage-line.formula", null));
        } else if (typed.length() > 100) {
            problems.add(new Problem(line.number(), Field.NAME, "wage-line.name.too-long", null));
        } else if (member.isPresent() && !roughlyTheSame(typed, member.get().fullName())) {
            problems.add(new Problem(line.number(), Field.NAME, "wage-line.name.mismatch", null));
        }
    }

    private Optional<Rupiah> wage(RawLine line, List<Problem> problems) {
        String typed = line.wage().strip();
        if (typed.isEmpty()) {
            return problem(problems, line, Field.WAGE, "wage-line.wage.required");
        }
        if (NEGATIVE.matcher(typed).matches()) {
            return problem(problems, line, Field.WAGE, "wage-line.wage.negative");
        }
        if (FORMULA_START.matcher(line.wage()).matches()) {
            return problem(problems, line, Field.WAGE, "wage-line.formula");
        }
        try {
            return Optional.of(settings.parse(typed));
        } catch (InvalidValue e) {
            String key = e.messageKey().startsWith("wage.") ? "wage-line." + e.messageKey() : "wage-line.wage.format";
            String argument = e.arguments().length > 0 ? String.valueOf(e.arguments()[0]) : null;
            problems.add(new Problem(line.number(), Field.WAGE, key, argument));
            return Optional.empty();
        }
    }

    /**
     * Names are written many ways (titles, initials, spelling, order): they roughly match when, ignoring case,
     * accents and punctuation, at least half of the words of the shorter name appear in the other.
     */
    static boolean roughlyTheSame(String typed, String registered) {
        Set<String> a = words(typed);
        Set<String> b = words(registered);
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        Set<String> shorter = a.size() <= b.size() ? a : b;
        Set<String> longer = shorter == a ? b : a;
        long common = shorter.stream().filter(longer::contains).count();
        return common * 2 >= shorter.size();
    }

    private static Set<String> words(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\s]", " ");
        return Arrays.stream(plain.split("\\s+")).filter(w -> w.length() > 1).collect(Collectors.toSet());
    }

    private static <T> Optional<T> problem(List<Problem> problems, RawLine line, Field field, String key) {
        problems.add(new Problem(line.number(), field, key, null));
        return Optional.empty();
    }
}
