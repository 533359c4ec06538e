package id.jamsos.payment;

import id.jamsos.common.Rupiah;
import id.jamsos.contribution.Payer;
import java.time.LocalDate;

/**
 * A payment recorded by mistake was reversed by an officer: a new negative payment. Allocations to bills still open
 * were taken back; money that already settled a bill stays owed by the payer ({@code owed}).
 */
public record PaymentReversed(long reversalId, long paymentId, Payer payer, Rupiah amount, Rupiah owed,
                              LocalDate reversedOn, String reason) {
}
