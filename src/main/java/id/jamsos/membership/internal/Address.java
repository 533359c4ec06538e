package id.jamsos.membership.internal;

import id.jamsos.common.CurrentRegions;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.Text;
import java.util.regex.Pattern;

/**
 * Where the applicant lives: a district of the current Kemendagri list, which lies in the regency or city chosen,
 * which lies in the province chosen; the street line and the neighbourhood numbers (RT/RW) as typed.
 */
public record Address(String provinceCode, String regencyCode, String districtCode, String street, String rt,
                      String rw) {

    private static final Pattern NEIGHBOURHOOD = Pattern.compile("[0-9]{1,3}");

    /** The province as chosen; refused unless it is in the current list. */
    static String province(String code) {
        return CurrentRegions.official().provinces().stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> new InvalidValue("validation.address.province")).code();
    }

    /** The regency or city as chosen; refused unless it is a current one of the province. */
    static String regency(String provinceCode, String code) {
        return CurrentRegions.official().regencies(provinceCode).stream().filter(r -> r.code().equals(code))
                .findFirst().orElseThrow(() -> new InvalidValue("validation.address.regency")).code();
    }

    /** The district as chosen; refused unless it is a current one of the regency. */
    static String district(String regencyCode, String code) {
        return CurrentRegions.official().districts(regencyCode).stream().filter(d -> d.code().equals(code))
                .findFirst().orElseThrow(() -> new InvalidValue("validation.address.district")).code();
    }

    static String street(String typed) {
        return Text.required(typed, 200).replaceAll("\\s+", " ");
    }

    /** RT or RW: optional, one to three digits; kept with leading zeros as people write them ({@code 003}). */
    static String neighbourhood(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (!NEIGHBOURHOOD.matcher(text).matches()) {
            throw new InvalidValue("validation.address.rt-rw");
        }
        return "0".repeat(3 - text.length()) + text;
    }

    public String provinceName() {
        return name(provinceCode);
    }

    public String regencyName() {
        return name(regencyCode);
    }

    public String districtName() {
        return name(districtCode);
    }

    /** The street with RT/RW, as written on an envelope: {@code Jl. Dago 12, RT 003/RW 005}. */
    public String streetLine() {
        StringBuilder line = new StringBuilder(street == null ? "" : street);
        if (rt != null || rw != null) {
            line.append(", RT ").append(rt == null ? "—" : rt).append("/RW ").append(rw == null ? "—" : rw);
        }
        return line.toString();
    }

    private static String name(String code) {
        return CurrentRegions.official().region(code).map(CurrentRegions.Region::name).orElse(code);
    }
}
