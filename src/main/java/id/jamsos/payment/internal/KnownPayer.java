package id.jamsos.payment.internal;

import id.jamsos.contribution.Payer;

/** A payer as the payments module knows them: the customer number, who it is, and the name to show. */
public record KnownPayer(String customerNumber, Payer payer, String name) {

    public boolean isEmployer() {
        return payer.employerId() != null;
    }
}
