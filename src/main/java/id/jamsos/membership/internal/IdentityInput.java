package id.jamsos.membership.internal;

import id.jamsos.common.Gender;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.Kk;
import id.jamsos.common.MobileNumber;
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
 * or the refusal of each field, so both channels say the same thing. The address fields came later: JSON without
 * them still parses, and each missing one is then named in the problem's {@code errors}.
 */
public record IdentityInput(String nik, String kk, String fullName, String birthPlace, String birthDate, String gender,
                            String motherMaidenName, String province, String regency, String district, String street,
                            String rt, String rw, String mobileNumber) {

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
        Address address = address(errors);
        MobileNumber mobile = field(errors, "mobileNumber", () -> MobileNumber.parse(mobileNumber));
        return new Checked(errors.isEmpty()
                ? new Identity(nikValue, kkValue, name, place, date, genderValue, mother, address, mobile) : null, errors);
    }

    /** Province, then regency in it, then district in that: a later choice is judged only once the earlier stands. */
    private Address address(Map<String, InvalidValue> errors) {
        String provinceCode = field(errors, "province", () -> Address.province(province));
        String regencyCode = provinceCode == null ? null : field(errors, "regency", () -> Address.regency(provinceCode, regency));
        String districtCode = regencyCode == null ? null : field(errors, "district", () -> Address.district(regencyCode, district));
        String streetLine = field(errors, "street", () -> Address.street(street));
        String rtValue = field(errors, "rt", () -> Address.neighbourhood(rt));
        String rwValue = field(errors, "rw", () -> Address.neighbourhood(rw));
        return districtCode == null || streetLine == null ? null
                : new Address(provinceCode, regencyCode, districtCode, streetLine, rtValue, rwValue);
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
