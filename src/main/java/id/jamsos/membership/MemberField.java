package id.jamsos.membership;

/** Data an officer updates when a worker comes to a branch (RULES.md §4, reactivation at a branch). */
public enum MemberField {
    DOMICILE_ADDRESS,
    ACTIVE_PHONE,
    /** NEW_EMPLOYER, INFORMAL or NOT_WORKING (see {@link EmploymentStatus}). */
    EMPLOYMENT_STATUS;

    /** What a worker says they do now. */
    public enum EmploymentStatus {
        NEW_EMPLOYER,
        INFORMAL,
        NOT_WORKING
    }
}
