package id.jamsos.employer.internal;

import id.jamsos.common.InvalidValue;
import id.jamsos.common.Rupiah;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits on wages and wage files, from configuration ({@code jamsos.employer.*}): what a plausible monthly wage is,
 * and how large a file may be once unpacked, so a hostile file can neither exhaust memory nor slip in an absurd wage.
 */
@Component
public class WageSettings {

    private static final Pattern GROUPED =
            Pattern.compile("(?i)(rp\\.?\\s*)?([0-9]{1,15}|[0-9]{1,3}([. ][0-9]{3}){1,4})");

    private final Rupiah maxMonthlyWage;
    private final int maxLines;
    private final long maxUnpackedBytes;
    private final int maxZipEntries;

    WageSettings(@Value("${jamsos.employer.max-monthly-wage-rupiah:1000000000}") long maxMonthlyWage,
                 @Value("${jamsos.employer.wage-file.max-lines:100000}") int maxLines,
                 @Value("${jamsos.employer.wage-file.max-unpacked-bytes:52428800}") long maxUnpackedBytes,
                 @Value("${jamsos.employer.wage-file.max-zip-entries:200}") int maxZipEntries) {
        this.maxMonthlyWage = Rupiah.of(maxMonthlyWage);
        this.maxLines = maxLines;
        this.maxUnpackedBytes = maxUnpackedBytes;
        this.maxZipEntries = maxZipEntries;
    }

    /**
     * A typed monthly wage: whole rupiah, digits only or grouped by threes with dots or spaces ({@code 5.000.000}),
     * with an optional "Rp". Stricter than {@link Rupiah#parse}, which drops every dot: {@code 5000000.50} must not
     * become five hundred million.
     */
    public Rupiah parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (!GROUPED.matcher(text).matches()) {
            throw new InvalidValue("validation.rupiah.format");
        }
        return plausible(Rupiah.parse(text));
    }

    /** More than nothing and at most the configured cap: anything else is a typing mistake or a hostile file. */
    public Rupiah plausible(Rupiah wage) {
        if (wage.isZero()) {
            throw new InvalidValue("wage.zero");
        }
        if (wage.isGreaterThan(maxMonthlyWage)) {
            throw new InvalidValue("wage.above-cap", maxMonthlyWage.formatted());
        }
        return wage;
    }

    public Rupiah maxMonthlyWage() {
        return maxMonthlyWage;
    }

    /** Lines of workers in one file, not counting the header. */
    public int maxLines() {
        return maxLines;
    }

    /** Per entry of an XLSX file, counted while unpacking (the sizes a ZIP file declares are not trusted). */
    public long maxUnpackedBytes() {
        return maxUnpackedBytes;
    }

    public int maxZipEntries() {
        return maxZipEntries;
    }
}
