package id.jamsos.employer;

import id.jamsos.common.Period;

/** An employer's wage report for {@code period} was applied: {@code workers} wages now count for billing. */
public record WagesReported(long reportId, long employerId, Period period, int workers) {
}
