package id.jamsos.membership.internal;

import id.jamsos.common.Gender;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.Kk;
import id.jamsos.common.Nik;
import id.jamsos.common.PersonName;
import id.jamsos.common.Text;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Step 1 as typed — on the web form or in the mobile app's JSON — checked field by field: either an {@link Identity}
 * or the refusal of each field, so both channels say the same thing.
 */
public record IdentityInput(String nik, String kk, String fullName, String birthPlace, String birthDate, String gender,
                            String motherMaidenName) {

    public record Checked(Identity identity, Map<String, InvalidValue> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public Checked check(LocalDate today) {
        Map<String, InvalidValue> errors = new LinkedHashMap<>();
        Nik nikValue = field(errors, "nik", () -> Nik.parse(nik, today));
        Kk kkValue = field(errors, "kk", () -> Kk.parse(kk));
        PersonName name = field(errors, "fullName", () -> PersonName.parse(fullName));
        String place = field(errors, "birthPlace", () -> Text.required(birthPlace, 100));
        LocalDate date = field(errors, "birthDate", () -> date(birthDate, today));
        Gender genderValue = field(errors, "gender", () -> Arrays.stream(Gender.values())
                .filter(g -> g.name().equals(gender)).findFirst()
                .orElseThrow(() -> new InvalidValue("validation.gender")));
        PersonName mother = field(errors, "motherMaidenName", () -> PersonName.parse(motherMaidenName));
        return new Checked(errors.isEmpty()
                ? new Identity(nikValue, kkValue, name, place, date, genderValue, mother) : null, errors);
    }

    /** As {@code <input type="date">} and ISO-8601 send it: {@code 1990-05-12}; not in the future, not before 1900. */
    private static LocalDate date(String typed, LocalDate today) {
        try {
            LocalDate date = LocalDate.parse(Text.required(typed, 10));
            if (date.isAfter(today) || date.getYear() < 1900) {
                throw new InvalidValue("validation.birth-date");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new InvalidValue("validation.birth-date");
        }
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
