package id.jamsos.membership;

/** ACTIVE while protected; NON_ACTIVE after a lapse (RULES.md §4), until reactivated. */
public enum MemberStatus {
    ACTIVE,
    NON_ACTIVE
}
