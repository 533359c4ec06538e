package id.jamsos.contribution.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import id.jamsos.contribution.Category;
import id.jamsos.contribution.Contribution;
import id.jamsos.contribution.ContributionLine;
import id.jamsos.contribution.LatePenalty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The simulators' JSON, field names and order exactly as other systems read them. Amounts in whole rupiah. */
final class SimulationViews {

    private SimulationViews() {
    }

    @Schema(description = "PU needs monthlyWage and riskClass; BPU needs declaredIncome and may choose programs")
    record ContributionRequest(
            @Schema(allowableValues = {"PU", "BPU"}, requiredMode = Schema.RequiredMode.REQUIRED) String category,
            @Schema(example = "2025-03", description = "YYYY-MM", requiredMode = Schema.RequiredMode.REQUIRED)
            String period,
            @Schema(example = "12000000", description = "PU: the monthly wage in rupiah") Long monthlyWage,
            @Schema(example = "2", minimum = "1", maximum = "5", description = "PU: the employer's JKK risk class")
            Integer riskClass,
            @Schema(example = "2500000", description = "BPU: the declared monthly income, within the bounds in force")
            Long declaredIncome,
            @Schema(description = "BPU: programs chosen among JKK, JKM, JHT (JKK and JKM always apply; JP is not open"
                    + " to BPU)") List<String> programs) {
    }

    record LatePenaltyRequest(
            @Schema(allowableValues = {"PU", "BPU"}, requiredMode = Schema.RequiredMode.REQUIRED) String category,
            @Schema(example = "2025-03", requiredMode = Schema.RequiredMode.REQUIRED) String period,
            @Schema(example = "1000000", description = "the unpaid contribution in rupiah",
                    requiredMode = Schema.RequiredMode.REQUIRED) Long contribution,
            @Schema(example = "2025-05-16", description = "YYYY-MM-DD", requiredMode = Schema.RequiredMode.REQUIRED)
            String paidOn) {
    }

    @JsonPropertyOrder({"category", "period", "lines", "totals", "basis"})
    record ContributionView(String category, String period, List<Line> lines, Totals totals, Basis basis) {

        static ContributionView of(Contribution contribution) {
            List<Line> lines = contribution.lines().stream().map(Line::of).toList();
            Totals totals = new Totals(contribution.employerTotal().value(), contribution.workerTotal().value(),
                    contribution.total().value());
            Basis basis = contribution.category() == Category.PU
                    ? new Basis(contribution.wage().value(), contribution.jpWageCeiling().value(), null)
                    : new Basis(null, null, contribution.wage().value());
            return new ContributionView(contribution.category().name(), contribution.period().toString(), lines,
                    totals, basis);
        }
    }

    @JsonPropertyOrder({"program", "employer", "worker", "total"})
    record Line(String program, long employer, long worker, long total) {

        static Line of(ContributionLine line) {
            return new Line(line.program().name(), line.employer().value(), line.worker().value(),
                    line.total().value());
        }
    }

    @JsonPropertyOrder({"employer", "worker", "total"})
    record Totals(long employer, long worker, long total) {
    }

    /** PU: the wage and the JP ceiling used; BPU: the declared income. */
    @JsonPropertyOrder({"wage", "jpWageCeiling", "declaredIncome"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Basis(Long wage, Long jpWageCeiling, Long declaredIncome) {
    }

    @JsonPropertyOrder({"dueDate", "monthsLate", "penalty"})
    record LatePenaltyView(String dueDate, int monthsLate, long penalty) {

        static LatePenaltyView of(LatePenalty penalty) {
            return new LatePenaltyView(penalty.dueDate().toString(), penalty.monthsLate(), penalty.penalty().value());
        }
    }
}
