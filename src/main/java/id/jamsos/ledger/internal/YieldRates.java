package id.jamsos.ledger.internal;

import id.jamsos.audit.AuditEntry;
import id.jamsos.audit.AuditLog;
import id.jamsos.audit.AuditOutcome;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.Rate;
import id.jamsos.common.Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The JHT yield rate per year (RULES.md §5) as effective-dated data: the published years from {@code jht_yield.csv},
 * the demo's illustrative years from {@code jht_yield_illustrative.csv} (labelled so wherever shown), and the rates an
 * administrator declares. The latest row of a year is in force; a correction is a new row.
 */
@Service
public class YieldRates implements InitializingBean {

    static final String FOLDER = "id/jamsos/ledger/data/";
    static final List<String> FILES = List.of("jht_yield.csv", "jht_yield_illustrative.csv");

    public record YieldRate(long id, int year, Rate rate, String status, String source, String createdBy,
                            Instant createdAt) {
        public boolean illustrative() {
            return "ILLUSTRATIVE".equals(status);
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    YieldRates(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Loads the data files once (a row from a file is never written twice). */
    @Override
    public void afterPropertiesSet() {
        for (String file : FILES) {
            for (String[] row : rows(file)) {
                jdbc.sql("""
                                INSERT INTO ledger.yield_rate (year, rate_basis_points, status, source, created_by)
                                VALUES (:year, :bp, :status, :source, 'data file') ON CONFLICT DO NOTHING""")
                        .param("year", Integer.parseInt(row[0]))
                        .param("bp", new BigDecimal(row[1]).movePointRight(2).intValueExact())
                        .param("status", row[2].toUpperCase(Locale.ROOT)).param("source", row[3]).update();
            }
        }
    }

    private static List<String[]> rows(String file) {
        try (InputStream in = YieldRates.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("missing data file " + FOLDER + file);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().skip(1)
                    .filter(line -> !line.isBlank()).map(line -> line.split(",", 4)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<YieldRate> inForce(int year) {
        return jdbc.sql(SELECT + " WHERE year = :year ORDER BY created_at DESC, id DESC LIMIT 1")
                .param("year", year).query(YieldRates::map).optional();
    }

    /** Every row, the latest first per year: the history an administrator sees. */
    public List<YieldRate> history() {
        return jdbc.sql(SELECT + " ORDER BY year DESC, created_at DESC, id DESC").query(YieldRates::map).list();
    }

    /** An administrator enters the declared rate of a year (new or corrected); audited. */
    @Transactional
    public YieldRate declare(UUID administrator, String administratorEmail, String ipAddress, int year, Rate rate,
                             String source) {
        if (year < 2000 || year > 2099) {
            throw new InvalidValue("yield.year-invalid");
        }
        long id = jdbc.sql("""
                        INSERT INTO ledger.yield_rate (year, rate_basis_points, status, source, created_by)
                        VALUES (:year, :bp, 'DECLARED', :source, :by) RETURNING id""")
                .param("year", year).param("bp", rate.basisPoints()).param("source", Text.required(source, 300))
                .param("by", administratorEmail).query(Long.class).single();
        audit.record(new AuditEntry(administrator, administratorEmail, "YIELD_RATE_DECLARED", "YIELD_RATE",
                String.valueOf(year), ipAddress, AuditOutcome.SUCCESS,
                Map.of("basisPoints", String.valueOf(rate.basisPoints()), "rowId", String.valueOf(id))));
        return inForce(year).orElseThrow();
    }

    private static final String SELECT =
            "SELECT id, year, rate_basis_points, status, source, created_by, created_at FROM ledger.yield_rate";

    private static YieldRate map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new YieldRate(rs.getLong("id"), rs.getInt("year"), Rate.basisPoints(rs.getInt("rate_basis_points")),
                rs.getString("status"), rs.getString("source"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
