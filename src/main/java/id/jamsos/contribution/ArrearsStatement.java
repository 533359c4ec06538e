package id.jamsos.contribution;

import id.jamsos.common.Rupiah;
import java.time.LocalDate;
import java.util.List;

/** A payer's arrears as of a date: every bill issued and not paid by then, oldest first, with penalties. */
public record ArrearsStatement(Payer payer, LocalDate asOf, List<UnpaidBill> bills) {

    public ArrearsStatement {
        bills = List.copyOf(bills);
    }

    public Rupiah contributions() {
        return bills.stream().map(UnpaidBill::contribution).reduce(Rupiah.ZERO, Rupiah::plus);
    }

    public Rupiah penalties() {
        return bills.stream().map(UnpaidBill::penalty).reduce(Rupiah.ZERO, Rupiah::plus);
    }

    public Rupiah total() {
        return contributions().plus(penalties());
    }
}
