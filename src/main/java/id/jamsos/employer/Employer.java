package id.jamsos.employer;

import id.jamsos.common.Npp;
import id.jamsos.common.RiskClass;

/** A registered employer as other modules see it. */
public record Employer(long id, Npp npp, String name, RiskClass riskClass) {
}
