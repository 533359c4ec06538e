package id.jamsos.contribution.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Loads the rate tables from the data files on the classpath ({@link RateFiles}), so the files are the single source
 * of every rate and amount: nothing is typed twice. Registered by {@link RateMigrations}.
 */
public class V81__LoadRateFiles extends BaseJavaMigration {

    enum Type { TEXT, INTEGER, BIGINT, DATE, NUMERIC }

    /** A CSV column and the table column it fills. */
    record Column(String csv, String table, Type type) {
    }

    /** One data file and the table it fills. */
    record Load(String file, String table, List<Column> columns) {
    }

    static final List<Load> LOADS = List.of(
            new Load(RateFiles.SHARE_RATES, "contribution.share_rate", List.of(
                    new Column("program", "program", Type.TEXT), new Column("category", "category", Type.TEXT),
                    new Column("party", "party", Type.TEXT), new Column("basis", "basis", Type.TEXT),
                    new Column("rate_basis_points", "rate_basis_points", Type.INTEGER),
                    new Column("flat_amount_rupiah", "flat_amount_rupiah", Type.BIGINT),
                    new Column("effective_from", "effective_from", Type.DATE),
                    new Column("legal_basis", "legal_basis", Type.TEXT), new Column("note", "note", Type.TEXT))),
            new Load(RateFiles.JKK_RISK_CLASSES, "contribution.jkk_rate", List.of(
                    new Column("risk_class", "risk_class", Type.INTEGER), new Column("name_id", "name_id", Type.TEXT),
                    new Column("name_en", "name_en", Type.TEXT),
                    new Column("employer_rate_basis_points", "rate_basis_points", Type.INTEGER),
                    new Column("kept_by_jkk_after_jkp_recomposition_basis_points", "kept_by_jkk_basis_points",
                            Type.INTEGER),
                    new Column("typical_sectors", "typical_sectors", Type.TEXT),
                    new Column("legal_basis", "legal_basis", Type.TEXT),
                    new Column("effective_from", "effective_from", Type.DATE))),
            new Load(RateFiles.JP_WAGE_CEILING, "contribution.jp_wage_ceiling", List.of(
                    new Column("effective_from", "effective_from", Type.DATE),
                    new Column("ceiling_rupiah", "ceiling_rupiah", Type.BIGINT),
                    new Column("gdp_growth_applied_percent", "gdp_growth_applied_percent", Type.NUMERIC),
                    new Column("status", "status", Type.TEXT), new Column("source", "legal_basis", Type.TEXT))),
            new Load(RateFiles.BPU_INCOME_BOUNDS, "contribution.bpu_income_bounds", List.of(
                    new Column("effective_from", "effective_from", Type.DATE),
                    new Column("minimum_rupiah", "minimum_rupiah", Type.BIGINT),
                    new Column("maximum_rupiah", "maximum_rupiah", Type.BIGINT),
                    new Column("legal_basis", "legal_basis", Type.TEXT), new Column("note", "note", Type.TEXT))),
            new Load(RateFiles.LATE_PENALTY_RATE, "contribution.late_penalty_rate", List.of(
                    new Column("effective_from", "effective_from", Type.DATE),
                    new Column("rate_basis_points", "rate_basis_points", Type.INTEGER),
                    new Column("legal_basis", "legal_basis", Type.TEXT), new Column("note", "note", Type.TEXT))),
            new Load(RateFiles.JKP_FUNDING, "contribution.jkp_funding", List.of(
                    new Column("effective_from", "effective_from", Type.DATE),
                    new Column("government_rate_basis_points", "government_rate_basis_points", Type.INTEGER),
                    new Column("moved_from_jkk_basis_points", "moved_from_jkk_basis_points", Type.INTEGER),
                    new Column("moved_from_jkm_basis_points", "moved_from_jkm_basis_points", Type.INTEGER),
                    new Column("wage_cap_rupiah", "wage_cap_rupiah", Type.BIGINT),
                    new Column("legal_basis", "legal_basis", Type.TEXT), new Column("note", "note", Type.TEXT))));

    @Override
    public void migrate(Context context) throws SQLException {
        for (Load load : LOADS) {
            load(context.getConnection(), load);
        }
    }

    private static void load(Connection connection, Load load) throws SQLException {
        String columns = load.columns().stream().map(Column::table).collect(Collectors.joining(", "));
        String values = load.columns().stream().map(c -> "?").collect(Collectors.joining(", "));
        String sql = "INSERT INTO " + load.table() + " (" + columns + ", created_by) VALUES (" + values + ", ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Map<String, String> row : RateFiles.read(load.file())) {
                refuseEffectiveTo(load.file(), row);
                int index = 1;
                for (Column column : load.columns()) {
                    bind(insert, index++, column, value(row, column));
                }
                insert.setString(index, createdBy(load.file()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Who created the loaded rows, as the tables record it (and the tests find them by). */
    public static String createdBy(String file) {
        return "V81 " + RateFiles.FOLDER + file;
    }

    /**
     * A row ends where the next row of its key starts, so an end date in a file is ignored when empty and refused
     * when filled: it would say something the tables cannot hold.
     */
    private static void refuseEffectiveTo(String file, Map<String, String> row) {
        String effectiveTo = row.get("effective_to");
        if (effectiveTo != null && !effectiveTo.isEmpty()) {
            throw new IllegalStateException(file + ": effective_to " + effectiveTo
                    + " is not supported; a row ends where the next row of the same key starts");
        }
    }

    private static String value(Map<String, String> row, Column column) {
        String value = row.get(column.csv());
        if (value == null) {
            throw new IllegalStateException("column " + column.csv() + " missing from the data file");
        }
        // The JKK share has no single rate: "by_risk_class" points to the risk-class table (jkk_rate).
        return "by_risk_class".equals(value) && "rate_basis_points".equals(column.table()) ? "" : value;
    }

    private static void bind(PreparedStatement insert, int index, Column column, String value) throws SQLException {
        if (value.isEmpty()) {
            insert.setNull(index, switch (column.type()) {
                case TEXT -> Types.VARCHAR;
                case INTEGER -> Types.INTEGER;
                case BIGINT -> Types.BIGINT;
                case DATE -> Types.DATE;
                case NUMERIC -> Types.NUMERIC;
            });
            return;
        }
        switch (column.type()) {
            case TEXT -> insert.setString(index, value);
            case INTEGER -> insert.setInt(index, Integer.parseInt(value));
            case BIGINT -> insert.setLong(index, Long.parseLong(value));
            case DATE -> insert.setObject(index, LocalDate.parse(value));
            case NUMERIC -> insert.setBigDecimal(index, new BigDecimal(value));
        }
    }
}
