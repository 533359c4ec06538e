package id.jamsos.payment.internal;

import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;

/** A bill not settled yet: what it carries as of a day and what payments already allocated to it. */
public record OpenBill(long billId, Period period, Rupiah penalty, Rupiah contribution, Rupiah penaltyPaid,
                       Rupiah contributionPaid) {

    public Rupiah penaltyLeft() {
        return atLeastZero(penalty.minus(penaltyPaid));
    }

    public Rupiah contributionLeft() {
        return atLeastZero(contribution.minus(contributionPaid));
    }

    public Rupiah left() {
        return penaltyLeft().plus(contributionLeft());
    }

    static Rupiah atLeastZero(Rupiah amount) {
        return amount.isNegative() ? Rupiah.ZERO : amount;
    }
}
