package id.jamsos.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The province, regency/city and district codes of the Ministry of Home Affairs lists 2016–2025 (resource
 * {@code regions.csv}, from the MIT-licensed data set cahyadsn/wilayah). A NIK or KK keeps the district code of the
 * time it was issued, so identifiers are checked against every list, not only the current one (RULES.md §8).
 */
public final class RegionCodes {

    private static final RegionCodes OFFICIAL = load();

    private final Set<String> districts;

    private RegionCodes(Set<String> districts) {
        this.districts = Set.copyOf(districts);
    }

    public static RegionCodes official() {
        return OFFICIAL;
    }

    /** Whether the six digits name a district (kecamatan) in any list since 2016. */
    public boolean knowsDistrict(String sixDigits) {
        return districts.contains(sixDigits);
    }

    private static RegionCodes load() {
        try (InputStream in = RegionCodes.class.getResourceAsStream("regions.csv")) {
            if (in == null) {
                throw new IllegalStateException("regions.csv is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Set<String> districts = new HashSet<>();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] columns = line.split(",", -1);
                if (columns.length > 1 && "3".equals(columns[1])) { // level 3 = district (kecamatan)
                    districts.add(columns[0]);
                }
            }
            return new RegionCodes(districts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
