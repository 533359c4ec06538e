package id.jamsos.contribution;

import id.jamsos.common.Period;
import java.util.UUID;

/** Billing outside the monthly run, for one payer. */
public interface Billing {

    /**
     * Issues one informal worker's (BPU) bill of {@code period} exactly as the monthly billing run does (same rule,
     * due date and lines), when they are enrolled for the period and not billed for it yet: for a member enrolled
     * again after the run of the 1st (a reactivation in the middle of a month). Joins the caller's transaction.
     * Idempotent per (member, period), like the run; answers whether this call issued the bill.
     */
    boolean billMember(UUID memberId, Period period);
}
