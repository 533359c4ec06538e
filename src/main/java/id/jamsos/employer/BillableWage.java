package id.jamsos.employer;

import id.jamsos.common.RiskClass;
import id.jamsos.common.Rupiah;
import java.util.UUID;

/** One worker an employer owes contributions for in a month, the wage to bill and the employer's JKK risk class. */
public record BillableWage(long employerId, UUID memberId, RiskClass riskClass, Rupiah wage) {
}
