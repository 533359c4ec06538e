package id.jamsos.contribution;

import id.jamsos.common.Rupiah;

/** What a bill carries for one program and party: the sum of its workers' lines and any adjustments. */
public record BillAmount(Program program, Party party, Rupiah amount) {
}
