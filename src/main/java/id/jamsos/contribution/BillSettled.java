package id.jamsos.contribution;

import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import java.time.LocalDate;
import java.util.List;

/**
 * A bill was paid: what it carried per program and party (the ledger posts the JHT shares from it) and the late
 * penalty charged with it (RULES.md §4; always zero for BPU).
 */
public record BillSettled(long billId, Payer payer, Period period, LocalDate paidOn, List<BillAmount> amounts,
                          Rupiah penalty) {

    public BillSettled {
        amounts = List.copyOf(amounts);
    }
}
