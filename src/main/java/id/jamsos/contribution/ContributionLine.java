package id.jamsos.contribution;

import id.jamsos.common.Rupiah;

/** One program's monthly contribution for one worker: the employer's and the worker's share, each already rounded. */
public record ContributionLine(Program program, Rupiah employer, Rupiah worker) {

    public Rupiah total() {
        return employer.plus(worker);
    }
}
