package id.jamsos.contribution.internal;

import id.jamsos.audit.AuditEntry;
import id.jamsos.audit.AuditLog;
import id.jamsos.audit.AuditOutcome;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.Period;
import id.jamsos.common.Rate;
import id.jamsos.common.RiskClass;
import id.jamsos.common.Rupiah;
import id.jamsos.common.Text;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.Party;
import id.jamsos.contribution.Program;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The rate tables as administrators and the simulator page see them: every row with its legal basis and effective
 * date, and new effective-dated rows. A new row is refused when it would change a month already billed: it may take
 * effect only after the last day of the latest billed month.
 */
@Service
public class RateTables {

    /** The basis choices of the form; "by_risk_class" is stored as basis "wage" without a rate of its own. */
    public static final List<String> BASES = List.of("wage", "wage_capped_jp", "declared_income", "flat",
            "by_risk_class");

    public record ShareRow(String program, String category, String party, String basis, Integer rateBasisPoints,
                           Long flatAmountRupiah, LocalDate effectiveFrom, String legalBasis, String note,
                           String createdBy) {

        public Rate rate() {
            return rateBasisPoints == null ? null : Rate.basisPoints(rateBasisPoints);
        }

        public Rupiah flatAmount() {
            return flatAmountRupiah == null ? null : Rupiah.of(flatAmountRupiah);
        }
    }

    public record RiskClassRow(int riskClass, String nameId, String nameEn, int rateBasisPoints,
                               Integer keptByJkkBasisPoints, String typicalSectors, LocalDate effectiveFrom,
                               String legalBasis, String createdBy) {

        public Rate rate() {
            return Rate.basisPoints(rateBasisPoints);
        }

        public Rate keptByJkk() {
            return keptByJkkBasisPoints == null ? null : Rate.basisPoints(keptByJkkBasisPoints);
        }
    }

    public record CeilingRow(LocalDate effectiveFrom, long ceilingRupiah, String gdpGrowthAppliedPercent,
                             String status, String legalBasis, String createdBy) {

        public Rupiah ceiling() {
            return Rupiah.of(ceilingRupiah);
        }
    }

    public record BoundsRow(LocalDate effectiveFrom, long minimumRupiah, long maximumRupiah, String legalBasis,
                            String note, String createdBy) {

        public Rupiah minimum() {
            return Rupiah.of(minimumRupiah);
        }

        public Rupiah maximum() {
            return Rupiah.of(maximumRupiah);
        }
    }

    public record PenaltyRow(LocalDate effectiveFrom, int rateBasisPoints, String legalBasis, String note,
                             String createdBy) {

        public Rate rate() {
            return Rate.basisPoints(rateBasisPoints);
        }
    }

    public record JkpRow(LocalDate effectiveFrom, int governmentRateBasisPoints, int movedFromJkkBasisPoints,
                         int movedFromJkmBasisPoints, long wageCapRupiah, String legalBasis, String note) {

        public Rate governmentRate() {
            return Rate.basisPoints(governmentRateBasisPoints);
        }

        public Rate movedFromJkk() {
            return Rate.basisPoints(movedFromJkkBasisPoints);
        }

        public Rate movedFromJkm() {
            return Rate.basisPoints(movedFromJkmBasisPoints);
        }

        public Rupiah wageCap() {
            return Rupiah.of(wageCapRupiah);
        }
    }

    /** Who adds a row, for the table and the audit trail. */
    public record Administrator(UUID id, String email, String ipAddress) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final JdbcContributions contributions;

    RateTables(JdbcClient jdbc, AuditLog audit, JdbcContributions contributions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.contributions = contributions;
    }

    // ---- reading

    public List<ShareRow> shareRates() {
        return jdbc.sql("""
                        SELECT program, category, party,
                               CASE WHEN basis = 'wage' AND rate_basis_points IS NULL THEN 'by_risk_class' ELSE basis END
                                   AS basis, rate_basis_points, flat_amount_rupiah, effective_from, legal_basis, note,
                               created_by
                          FROM contribution.share_rate
                         ORDER BY category DESC, array_position(ARRAY['JHT','JKK','JKM','JP'], program), party,
                                  effective_from""")
                .query((rs, row) -> new ShareRow(rs.getString("program"), rs.getString("category"),
                        rs.getString("party"), rs.getString("basis"), rs.getObject("rate_basis_points", Integer.class),
                        rs.getObject("flat_amount_rupiah", Long.class), rs.getObject("effective_from", LocalDate.class),
                        rs.getString("legal_basis"), rs.getString("note"), rs.getString("created_by")))
                .list();
    }

    public List<RiskClassRow> riskClasses() {
        return riskClassQuery("", null);
    }

    /** The risk classes in force on the first day of {@code period}, class 1 to 5. */
    public List<RiskClassRow> riskClassesInForce(Period period) {
        return riskClassQuery("WHERE effective_from <= :day", period.firstDay());
    }

    public List<CeilingRow> jpWageCeilings() {
        return ceilingQuery("", null);
    }

    public Optional<CeilingRow> jpWageCeilingInForce(Period period) {
        List<CeilingRow> rows = ceilingQuery("WHERE effective_from <= :day", period.firstDay());
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(rows.size() - 1));
    }

    public List<BoundsRow> bpuIncomeBounds() {
        return jdbc.sql("""
                        SELECT effective_from, minimum_rupiah, maximum_rupiah, legal_basis, note, created_by
                          FROM contribution.bpu_income_bounds ORDER BY effective_from""")
                .query((rs, row) -> new BoundsRow(rs.getObject("effective_from", LocalDate.class),
                        rs.getLong("minimum_rupiah"), rs.getLong("maximum_rupiah"), rs.getString("legal_basis"),
                        rs.getString("note"), rs.getString("created_by")))
                .list();
    }

    public List<PenaltyRow> latePenaltyRates() {
        return jdbc.sql("""
                        SELECT effective_from, rate_basis_points, legal_basis, note, created_by
                          FROM contribution.late_penalty_rate ORDER BY effective_from""")
                .query((rs, row) -> new PenaltyRow(rs.getObject("effective_from", LocalDate.class),
                        rs.getInt("rate_basis_points"), rs.getString("legal_basis"), rs.getString("note"),
                        rs.getString("created_by")))
                .list();
    }

    /** The PU late penalty row in force on {@code day}, for its legal basis. */
    public Optional<PenaltyRow> latePenaltyRateInForce(LocalDate day) {
        return latePenaltyRates().stream().filter(r -> !r.effectiveFrom().isAfter(day)).reduce((a, b) -> b);
    }

    public List<JkpRow> jkpFunding() {
        return jdbc.sql("""
                        SELECT effective_from, government_rate_basis_points, moved_from_jkk_basis_points,
                               moved_from_jkm_basis_points, wage_cap_rupiah, legal_basis, note
                          FROM contribution.jkp_funding ORDER BY effective_from""")
                .query((rs, row) -> new JkpRow(rs.getObject("effective_from", LocalDate.class),
                        rs.getInt("government_rate_basis_points"), rs.getInt("moved_from_jkk_basis_points"),
                        rs.getInt("moved_from_jkm_basis_points"), rs.getLong("wage_cap_rupiah"),
                        rs.getString("legal_basis"), rs.getString("note")))
                .list();
    }

    public Optional<JkpRow> jkpFundingInForce(Period period) {
        return jkpFunding().stream().filter(r -> !r.effectiveFrom().isAfter(period.firstDay())).reduce((a, b) -> b);
    }

    /** The latest month billed, if any: rows may take effect only after its last day. */
    public Optional<Period> lastBilledPeriod() {
        return jdbc.sql("SELECT max(period) FROM contribution.billed_period").query(String.class).optional()
                .map(Period::parse);
    }

    // ---- adding rows

    /** A share: a percentage of a basis, a flat amount, or (JKK of wage earners) the employer's risk-class rate. */
    @Transactional
    public void addShareRate(Administrator admin, Program program, Category category, Party party, String basis,
                             Rate rate, Rupiah flatAmount, LocalDate effectiveFrom, String legalBasis, String note) {
        if (!BASES.contains(basis)) {
            throw new InvalidValue("rates.basis.invalid");
        }
        if (basis.equals("flat") ? flatAmount == null || rate != null
                : basis.equals("by_risk_class") ? flatAmount != null || rate != null
                : rate == null || flatAmount != null) {
            throw new InvalidValue("rates.share.amount-fits-basis");
        }
        refuseBilledPeriod(effectiveFrom);
        insert("""
                        INSERT INTO contribution.share_rate (program, category, party, basis, rate_basis_points,
                               flat_amount_rupiah, effective_from, legal_basis, note, created_by)
                        VALUES (:program, :category, :party, :basis, :rate, :flat, :from, :legalBasis, :note, :by)""",
                Map.of("program", program.name(), "category", category.name(), "party", party.name(),
                        "basis", basis.equals("by_risk_class") ? "wage" : basis), rate, flatAmount, effectiveFrom,
                legalBasis, note, admin);
        recordAdded(admin, "SHARE_RATE", program + "/" + category + "/" + party, effectiveFrom, legalBasis,
                rate != null ? rate.basisPoints() + " bp" : flatAmount != null ? flatAmount.formatted() : basis);
    }

    /** A new rate for one risk class; its names and sectors carry over from the class's latest row. */
    @Transactional
    public void addRiskClassRate(Administrator admin, RiskClass riskClass, Rate rate, LocalDate effectiveFrom,
                                 String legalBasis, String note) {
        if (rate.basisPoints() == 0) {
            throw new InvalidValue("validation.rate.range");
        }
        refuseBilledPeriod(effectiveFrom);
        int added = jdbc.sql("""
                        INSERT INTO contribution.jkk_rate (risk_class, name_id, name_en, rate_basis_points,
                               typical_sectors, effective_from, legal_basis, note, created_by)
                        SELECT risk_class, name_id, name_en, :rate, typical_sectors, :from, :legalBasis, :note, :by
                          FROM contribution.jkk_rate WHERE risk_class = :riskClass
                         ORDER BY effective_from DESC LIMIT 1
                        ON CONFLICT (risk_class, effective_from) DO NOTHING""")
                .param("riskClass", riskClass.value()).param("rate", rate.basisPoints()).param("from", effectiveFrom)
                .param("legalBasis", Text.required(legalBasis, 300)).param("note", optional(note))
                .param("by", admin.email())
                .update();
        if (added == 0) {
            throw new InvalidValue("rates.row.exists");
        }
        recordAdded(admin, "JKK_RATE", "class " + riskClass, effectiveFrom, legalBasis, rate.basisPoints() + " bp");
    }

    @Transactional
    public void addJpWageCeiling(Administrator admin, Rupiah ceiling, LocalDate effectiveFrom, String legalBasis,
                                 String note) {
        positive(ceiling);
        refuseBilledPeriod(effectiveFrom);
        insert("""
                        INSERT INTO contribution.jp_wage_ceiling (effective_from, ceiling_rupiah, status, legal_basis,
                               note, created_by)
                        VALUES (:from, :ceiling, 'published', :legalBasis, :note, :by)""",
                Map.of("ceiling", ceiling.value()), null, null, effectiveFrom, legalBasis, note, admin);
        recordAdded(admin, "JP_WAGE_CEILING", "JP", effectiveFrom, legalBasis, ceiling.formatted());
    }

    @Transactional
    public void addBpuIncomeBounds(Administrator admin, Rupiah minimum, Rupiah maximum, LocalDate effectiveFrom,
                                   String legalBasis, String note) {
        positive(minimum);
        if (maximum.compareTo(minimum) < 0) {
            throw new InvalidValue("rates.bounds.order");
        }
        refuseBilledPeriod(effectiveFrom);
        insert("""
                        INSERT INTO contribution.bpu_income_bounds (effective_from, minimum_rupiah, maximum_rupiah,
                               legal_basis, note, created_by)
                        VALUES (:from, :minimum, :maximum, :legalBasis, :note, :by)""",
                Map.of("minimum", minimum.value(), "maximum", maximum.value()), null, null, effectiveFrom,
                legalBasis, note, admin);
        recordAdded(admin, "BPU_INCOME_BOUNDS", "BPU", effectiveFrom, legalBasis,
                minimum.formatted() + " – " + maximum.formatted());
    }

    @Transactional
    public void addLatePenaltyRate(Administrator admin, Rate rate, LocalDate effectiveFrom, String legalBasis,
                                   String note) {
        refuseBilledPeriod(effectiveFrom);
        insert("""
                        INSERT INTO contribution.late_penalty_rate (effective_from, rate_basis_points, legal_basis, note,
                               created_by)
                        VALUES (:from, :rate, :legalBasis, :note, :by)""",
                Map.of(), rate, null, effectiveFrom, legalBasis, note, admin);
        recordAdded(admin, "LATE_PENALTY_RATE", "PU", effectiveFrom, legalBasis, rate.basisPoints() + " bp");
    }

    /** A refused row is audited too (outside the refused transaction, which rolled back), with the reason. */
    public void recordRefused(Administrator admin, String table, InvalidValue reason) {
        audit.record(new AuditEntry(admin.id(), admin.email(), "RATE_ROW_REFUSED", "CONTRIBUTION_RATE", table,
                admin.ipAddress(), AuditOutcome.DENIED, Map.of("reason", reason.messageKey())));
    }

    /**
     * A row taking effect on or before the last day of a billed month would change bills already issued. The share
     * lock keeps the billing run from marking a month billed between this check and the commit.
     */
    private void refuseBilledPeriod(LocalDate effectiveFrom) {
        if (effectiveFrom == null || effectiveFrom.getYear() < 2000 || effectiveFrom.getYear() > 2200) {
            throw new InvalidValue("rates.effective-from.invalid");
        }
        jdbc.sql("LOCK TABLE contribution.billed_period IN SHARE MODE").update();
        Optional<Period> billed = lastBilledPeriod();
        if (billed.isPresent() && !effectiveFrom.isAfter(billed.get().lastDay())) {
            throw new InvalidValue("rates.billed", billed.get().toString(), DAY.format(billed.get().lastDay()));
        }
    }

    private void insert(String sql, Map<String, Object> values, Rate rate, Rupiah flat, LocalDate effectiveFrom,
                        String legalBasis, String note, Administrator admin) {
        Map<String, Object> params = new LinkedHashMap<>(values);
        params.put("rate", rate == null ? null : rate.basisPoints());
        params.put("flat", flat == null ? null : flat.value());
        params.put("from", effectiveFrom);
        params.put("legalBasis", Text.required(legalBasis, 300));
        params.put("note", optional(note));
        params.put("by", admin.email());
        try {
            jdbc.sql(sql).params(params).update();
        } catch (DuplicateKeyException e) {
            throw new InvalidValue("rates.row.exists");
        } catch (DataIntegrityViolationException e) {
            // A CHECK of the table refused the combination (for example JP for informal workers).
            throw new InvalidValue("rates.row.inconsistent");
        }
    }

    private void recordAdded(Administrator admin, String table, String key, LocalDate effectiveFrom,
                             String legalBasis, String value) {
        audit.record(new AuditEntry(admin.id(), admin.email(), "RATE_ROW_ADDED", "CONTRIBUTION_RATE",
                table + ":" + key + "@" + effectiveFrom, admin.ipAddress(), AuditOutcome.SUCCESS,
                Map.of("table", table, "key", key, "effectiveFrom", effectiveFrom.toString(), "value", value,
                        "legalBasis", legalBasis.strip())));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                contributions.forgetRates();
            }
        });
    }

    private List<RiskClassRow> riskClassQuery(String where, LocalDate day) {
        String select = """
                SELECT DISTINCT ON (risk_class%s) risk_class, name_id, name_en, rate_basis_points,
                       kept_by_jkk_basis_points, typical_sectors, effective_from, legal_basis, created_by
                  FROM contribution.jkk_rate %s
                 ORDER BY risk_class, effective_from %s""".formatted(day == null ? ", effective_from" : "", where,
                day == null ? "" : "DESC");
        JdbcClient.StatementSpec statement = jdbc.sql(select);
        if (day != null) {
            statement = statement.param("day", day);
        }
        return statement.query((rs, row) -> new RiskClassRow(rs.getInt("risk_class"), rs.getString("name_id"),
                rs.getString("name_en"), rs.getInt("rate_basis_points"),
                rs.getObject("kept_by_jkk_basis_points", Integer.class), rs.getString("typical_sectors"),
                rs.getObject("effective_from", LocalDate.class), rs.getString("legal_basis"),
                rs.getString("created_by"))).list();
    }

    private List<CeilingRow> ceilingQuery(String where, LocalDate day) {
        JdbcClient.StatementSpec statement = jdbc.sql("""
                SELECT effective_from, ceiling_rupiah, gdp_growth_applied_percent::text AS growth, status,
                       legal_basis, created_by
                  FROM contribution.jp_wage_ceiling %s ORDER BY effective_from""".formatted(where));
        if (day != null) {
            statement = statement.param("day", day);
        }
        return statement.query((rs, row) -> new CeilingRow(rs.getObject("effective_from", LocalDate.class),
                rs.getLong("ceiling_rupiah"), rs.getString("growth"), rs.getString("status"),
                rs.getString("legal_basis"), rs.getString("created_by"))).list();
    }

    private static void positive(Rupiah amount) {
        if (amount.isZero() || amount.isNegative()) {
            throw new InvalidValue("rates.amount.positive");
        }
    }

    private static String optional(String note) {
        return note == null || note.isBlank() ? null : Text.required(note, 500);
    }
}
