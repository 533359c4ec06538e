package id.jamsos.payment.internal;

import id.jamsos.common.Rupiah;

/** The outcome of handing in a payment. */
public sealed interface Receipt {

    /** Recorded (now, or before under the same reference: {@code repeated}). */
    record Accepted(long paymentId, Rupiah amount, boolean repeated) implements Receipt {
    }

    /** Nothing is due: the bill (order) was already paid. */
    record NothingDue(String customerNumber) implements Receipt {
    }

    /** The amount differs from what is due now. */
    record WrongAmount(Rupiah due, Rupiah offered) implements Receipt {
    }

    /** No payer has this customer number. */
    record UnknownPayer(String customerNumber) implements Receipt {
    }
}
