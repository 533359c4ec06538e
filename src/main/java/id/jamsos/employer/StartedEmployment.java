package id.jamsos.employer;

/**
 * An employment registered: its id, and whether registering it made a NON_ACTIVE member ACTIVE again (RULES.md §4),
 * which only the first of two registrations at once does.
 */
public record StartedEmployment(long employmentId, boolean memberReactivated) {
}
