package id.jamsos.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.jamsos.common.InvalidValue;
import id.jamsos.common.Period;
import id.jamsos.common.Rate;
import id.jamsos.common.RiskClass;
import id.jamsos.common.Rupiah;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The rate tables hold exactly the data files, and the rates in force for a month come from them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class RateTablesTests {

    static final String FOLDER = "id/jamsos/contribution/data/";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Contributions contributions;

    @Test
    void theShareRateTableEqualsItsFileRowByRow() throws IOException {
        assertTableEqualsFile("contribution_rates.csv", """
                SELECT program, category, party, basis,
                       coalesce(rate_basis_points::text, CASE basis WHEN 'wage' THEN 'by_risk_class' ELSE '' END),
                       coalesce(flat_amount_rupiah::text, ''), effective_from::text, '', legal_basis, coalesce(note, '')
                  FROM contribution.share_rate WHERE created_by = :createdBy ORDER BY ctid""");
    }

    @Test
    void theRiskClassTableEqualsItsFileRowByRow() throws IOException {
        assertTableEqualsFile("jkk_risk_classes.csv", """
                SELECT risk_class::text, name_id, name_en, rate_basis_points::text, kept_by_jkk_basis_points::text,
                       typical_sectors, legal_basis, effective_from::text
                  FROM contribution.jkk_rate WHERE created_by = :createdBy ORDER BY ctid""");
    }

    @Test
    void theJpCeilingTableEqualsItsFileRowByRow() throws IOException {
        assertTableEqualsFile("jp_wage_ceiling.csv", """
                SELECT effective_from::text, ceiling_rupiah::text, coalesce(gdp_growth_applied_percent::text, ''),
                       status, legal_basis
                  FROM contribution.jp_wage_ceiling WHERE created_by = :createdBy ORDER BY ctid""");
    }

    @Test
    void theBpuBoundsPenaltyAndJkpTablesEqualTheirFilesRowByRow() throws IOException {
        assertTableEqualsFile("bpu_income_bounds.csv", """
                SELECT effective_from::text, minimum_rupiah::text, maximum_rupiah::text, legal_basis, coalesce(note, '')
                  FROM contribution.bpu_income_bounds WHERE created_by = :createdBy ORDER BY ctid""");
        assertTableEqualsFile("late_penalty_rate.csv", """
                SELECT effective_from::text, rate_basis_points::text, legal_basis, coalesce(note, '')
                  FROM contribution.late_penalty_rate WHERE created_by = :createdBy ORDER BY ctid""");
        assertTableEqualsFile("jkp_funding.csv", """
                SELECT effective_from::text, government_rate_basis_points::text, moved_from_jkk_basis_points::text,
                       moved_from_jkm_basis_points::text, wage_cap_rupiah::text, legal_basis, coalesce(note, '')
                  FROM contribution.jkp_funding WHERE created_by = :createdBy ORDER BY ctid""");
    }

    @Test
    void theRatesInForceInMarch2025AreTheRegulationsOnes() {
        RatesInForce rates = contributions.ratesFor(Period.of(2025, 3));
        assertThat(rates.jpWageCeiling()).isEqualTo(Rupiah.of(10_547_400));
        assertThat(contributions.ratesFor(Period.of(2025, 2)).jpWageCeiling()).isEqualTo(Rupiah.of(10_042_300));
        assertThat(rates.jkk(RiskClass.of(2))).isEqualTo(Rate.basisPoints(54));
        assertThat(rates.bpuIncomeMinimum()).isEqualTo(Rupiah.of(1_000_000));
        assertThat(rates.bpuIncomeMaximum()).isEqualTo(Rupiah.of(20_700_000));
        assertThat(rates.latePenaltyPerMonth()).isEqualTo(Rate.basisPoints(200));
        assertThat(rates.share(Program.JHT, Category.PU, Party.EMPLOYER).orElseThrow().rate())
                .isEqualTo(Rate.basisPoints(370));
        assertThat(rates.share(Program.JKM, Category.BPU, Party.WORKER).orElseThrow().flatAmount())
                .isEqualTo(Rupiah.of(6_800));
        assertThat(rates.share(Program.JP, Category.BPU, Party.WORKER)).isEmpty();
        assertThat(contributions.ratesFor(Period.of(2025, 3))).isSameAs(rates);
    }

    @Test
    void aMonthBeforeTheEarliestRateIsRefused() {
        assertThatThrownBy(() -> contributions.ratesFor(Period.of(2015, 6))).isInstanceOf(InvalidValue.class)
                .hasMessage("contribution.period.before-rates");
        assertThat(contributions.ratesFor(Period.of(2015, 7)).jpWageCeiling()).isEqualTo(Rupiah.of(7_000_000));
    }

    @Test
    void rateHistoryIsNeverRewrittenAndConstraintsRefuseNonsense() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE contribution.share_rate SET rate_basis_points = 1").update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM contribution.jp_wage_ceiling").update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO contribution.share_rate (program, category, party, basis, rate_basis_points, effective_from,
                                                     legal_basis, created_by)
                VALUES ('JP', 'BPU', 'WORKER', 'declared_income', 100, '2090-01-01', 'none', 'test')""").update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO contribution.share_rate (program, category, party, basis, flat_amount_rupiah, effective_from,
                                                     legal_basis, created_by)
                VALUES ('JHT', 'PU', 'EMPLOYER', 'wage', 100, '2090-01-01', 'x', 'test')""").update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO contribution.bpu_income_bounds (effective_from, minimum_rupiah, maximum_rupiah, legal_basis,
                                                            created_by)
                VALUES ('2090-01-01', 2000000, 1000000, 'x', 'test')""").update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO contribution.billed_period VALUES ('2025-3', now())").update())
                .isInstanceOf(DataAccessException.class);
    }

    private void assertTableEqualsFile(String file, String select) throws IOException {
        List<List<String>> expected = csv(file);
        List<List<String>> actual = jdbc.sql(select).param("createdBy", "V81 " + FOLDER + file)
                .query((rs, row) -> {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        values.add(Objects.requireNonNullElse(rs.getString(i), ""));
                    }
                    return values;
                }).list();
        assertThat(actual).as(file).isNotEmpty().containsExactlyElementsOf(expected);
    }

    /** The file as it is, read without the application's parser (the data files use no quotes). */
    private static List<List<String>> csv(String file) throws IOException {
        try (InputStream in = RateTablesTests.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            return Arrays.stream(lines).skip(1).filter(l -> !l.isBlank())
                    .map(l -> Arrays.asList(l.split(",", -1))).toList();
        }
    }
}
