package id.jamsos.contribution;

/** Who owes a share: the employer (pemberi kerja) or the worker (pekerja). BPU members pay every share themselves. */
public enum Party {
    EMPLOYER,
    WORKER
}
