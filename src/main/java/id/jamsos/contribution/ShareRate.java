package id.jamsos.contribution;

import id.jamsos.common.Rate;
import id.jamsos.common.Rupiah;

/** One row of the rate table in force: what one party pays for one program in one category, and the law that says so. */
public record ShareRate(Program program, Category category, Party party, Basis basis, Rate rate, Rupiah flatAmount,
                        String legalBasis) {
}
