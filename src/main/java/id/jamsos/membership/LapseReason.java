package id.jamsos.membership;

/** Why a membership lapsed (RULES.md §4). */
public enum LapseReason {
    /** PU: the employer reported the worker left and no other employment is active. */
    EMPLOYMENT_ENDED,
    /** BPU: three months unpaid. */
    CONTRIBUTIONS_UNPAID
}
