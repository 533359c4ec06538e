package id.jamsos.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The regions valid for a new address today: provinces, regencies/cities and districts of the latest Ministry of Home
 * Affairs list ({@code in_current_list=yes} in {@code regions.csv}). Unlike {@link RegionCodes}, which accepts every
 * code since 2016 because a NIK keeps the code of its time, an address is chosen from the current list only.
 */
public final class CurrentRegions {

    /** One region: its Kemendagri code (2, 4 or 6 digits), its name and the code of the region it lies in. */
    public record Region(String code, String name, String parentCode) {
    }

    private static final CurrentRegions OFFICIAL = load();

    private final Map<String, Region> byCode;
    private final Map<String, List<Region>> children;

    private CurrentRegions(Map<String, Region> byCode) {
        this.byCode = Map.copyOf(byCode);
        Map<String, List<Region>> grouped = new HashMap<>();
        byCode.values().forEach(r -> grouped.computeIfAbsent(r.parentCode(), p -> new ArrayList<>()).add(r));
        grouped.values().forEach(list -> list.sort(Comparator.comparing(Region::name)));
        this.children = Map.copyOf(grouped);
    }

    public static CurrentRegions official() {
        return OFFICIAL;
    }

    public List<Region> provinces() {
        return children.getOrDefault("", List.of());
    }

    /** The regencies and cities of a current province; empty for an unknown code. */
    public List<Region> regencies(String provinceCode) {
        return provinceCode == null || provinceCode.length() != 2 ? List.of() : children.getOrDefault(provinceCode, List.of());
    }

    /** The districts (kecamatan) of a current regency or city; empty for an unknown code. */
    public List<Region> districts(String regencyCode) {
        return regencyCode == null || regencyCode.length() != 4 ? List.of() : children.getOrDefault(regencyCode, List.of());
    }

    public Optional<Region> region(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    private static CurrentRegions load() {
        try (InputStream in = CurrentRegions.class.getResourceAsStream("regions.csv")) {
            if (in == null) {
                throw new IllegalStateException("regions.csv is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, Region> regions = new LinkedHashMap<>();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] columns = line.split(",", -1);
                // code,level,name,parent_code,in_current_list,first_seen_list
                if (columns.length == 6 && "yes".equals(columns[4]) && columns[1].matches("[123]")) {
                    String name = columns[2].replace("\\'", "'").replaceAll("\\s+", " ").strip();
                    regions.put(columns[0], new Region(columns[0], name, columns[3]));
                }
            }
            return new CurrentRegions(regions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
