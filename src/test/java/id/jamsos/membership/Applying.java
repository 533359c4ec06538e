package id.jamsos.membership;

import java.util.Arrays;
import java.util.stream.Stream;

/** Form fields the activation tests send besides those under test: a real current address and a mobile number. */
public final class Applying {

    /** Coblong, Kota Bandung, Jawa Barat: codes of the current Kemendagri list. */
    public static final String[] ADDRESS = {"province", "32", "regency", "3273", "district", "327302",
            "street", "Jl. Dago No. 12", "rt", "3", "rw", "5", "mobileNumber", "0812 3456 7890"};

    /** A wage earner at Rp 5.000.000 a month, below the JP wage ceiling. */
    public static final String[] WAGE_EARNER = {"category", "PU", "employerNpp", "", "employerName", "PT Sumber Rejeki",
            "jobTitle", "Staf gudang", "startDate", "2020-01-06", "monthlyWage", "5.000.000"};

    private Applying() {
    }

    /** Saves step 2 as a wage earner and checks it was saved. */
    public static void saveWork(id.jamsos.account.Visitor member) throws Exception {
        org.assertj.core.api.Assertions.assertThat(member.submit("/aktivasi/pekerjaan", "/aktivasi/pekerjaan",
                WAGE_EARNER).location()).isEqualTo("/aktivasi/pekerjaan");
    }

    /** The identity fields given, followed by the address and mobile number. */
    public static String[] withAddress(String... fields) {
        return Stream.concat(Arrays.stream(fields), Arrays.stream(ADDRESS)).toArray(String[]::new);
    }

    /** The address and mobile number as JSON members, to append inside an identity object. */
    public static String addressJson() {
        return """
                "province":"32","regency":"3273","district":"327302","street":"Jl. Dago No. 12","rt":"3","rw":"5",
                "mobileNumber":"081234567890\"""";
    }
}
