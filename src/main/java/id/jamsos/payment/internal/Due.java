package id.jamsos.payment.internal;

import id.jamsos.common.Rupiah;
import id.jamsos.contribution.MonthsAhead.MonthAhead;
import java.util.List;
import java.util.Optional;

/**
 * What a payer owes on a day: the open bills (oldest first) with what is left of each, the months ahead of an open
 * order, and the payer's balance (credit when positive; money owed back after a reversal when negative).
 */
public record Due(KnownPayer payer, List<OpenBill> bills, List<MonthAhead> ahead, Rupiah balance,
                  Optional<Long> orderId) {

    public Due {
        bills = List.copyOf(bills);
        ahead = List.copyOf(ahead);
    }

    public Rupiah billsLeft() {
        return bills.stream().map(OpenBill::left).reduce(Rupiah.ZERO, Rupiah::plus);
    }

    public Rupiah penaltiesLeft() {
        return bills.stream().map(OpenBill::penaltyLeft).reduce(Rupiah.ZERO, Rupiah::plus);
    }

    public Rupiah aheadTotal() {
        return ahead.stream().map(MonthAhead::amount).reduce(Rupiah.ZERO, Rupiah::plus);
    }

    /** What a payment now must be: bills and months ahead less the credit, never below zero. */
    public Rupiah amount() {
        return OpenBill.atLeastZero(billsLeft().plus(aheadTotal()).minus(balance));
    }

    public Rupiah credit() {
        return OpenBill.atLeastZero(balance);
    }

    /** A short text for the bank's screen, the same in both languages: the months billed and those paid ahead. */
    public String description() {
        StringBuilder text = new StringBuilder();
        if (!bills.isEmpty()) {
            text.append(bills.get(0).period());
            if (bills.size() > 1) {
                text.append("..").append(bills.get(bills.size() - 1).period());
            }
        }
        if (!ahead.isEmpty()) {
            text.append(text.isEmpty() ? "" : " + ").append(ahead.get(0).period());
            if (ahead.size() > 1) {
                text.append("..").append(ahead.get(ahead.size() - 1).period());
            }
        }
        return text.isEmpty() ? "-" : text.toString();
    }

    public AmountDue toAmountDue() {
        return new AmountDue(payer.customerNumber(), payer.payer(), payer.name(), amount(), description());
    }
}
