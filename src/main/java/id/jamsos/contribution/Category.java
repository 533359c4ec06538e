package id.jamsos.contribution;

/** Membership segment: PU = penerima upah (wage earner), BPU = bukan penerima upah (informal, self-employed). */
public enum Category {
    PU,
    BPU
}
