package id.jamsos.contribution.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rate data files ({@code id/jamsos/contribution/data/*.csv}, copied from the shared domain data with their
 * legal basis): the single source of the rate tables. Plain RFC 4180 CSV with a header line; a field may be quoted.
 */
public final class RateFiles {

    public static final String FOLDER = "id/jamsos/contribution/data/";
    public static final String SHARE_RATES = "contribution_rates.csv";
    public static final String JKK_RISK_CLASSES = "jkk_risk_classes.csv";
    public static final String JP_WAGE_CEILING = "jp_wage_ceiling.csv";
    public static final String BPU_INCOME_BOUNDS = "bpu_income_bounds.csv";
    public static final String LATE_PENALTY_RATE = "late_penalty_rate.csv";
    public static final String JKP_FUNDING = "jkp_funding.csv";

    /** A data file is a few dozen lines; anything much longer is not one of ours. */
    private static final int MAX_LINES = 10_000;

    private RateFiles() {
    }

    /** Every row of a data file, each as header → value (empty fields as empty strings), in file order. */
    public static List<Map<String, String>> read(String file) {
        try (InputStream in = RateFiles.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("rate data file missing from the classpath: " + FOLDER + file);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = fields(reader.readLine());
            List<Map<String, String>> rows = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null && rows.size() < MAX_LINES) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> values = fields(line);
                if (values.size() != header.size()) {
                    throw new IllegalStateException(file + " line " + (rows.size() + 2) + ": " + values.size()
                            + " fields where the header has " + header.size());
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), values.get(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> fields(String line) {
        if (line == null) {
            throw new IllegalStateException("empty rate data file");
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().strip());
        return fields;
    }
}
