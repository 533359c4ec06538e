package id.jamsos.employer;

import id.jamsos.common.Npp;
import id.jamsos.common.Period;
import id.jamsos.common.Rupiah;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/** What other modules ask of the employer register: who employs whom, at what wage, for billing. */
public interface Workforce {

    Optional<Employer> employer(long employerId);

    /** The employer an EMPLOYER_ADMIN account administers, if any. */
    Optional<Employer> employerOf(UUID adminAccountId);

    /**
     * Every employment active on any day of {@code period}, for employers with {@code fromEmployerId <= id <
     * toEmployerId}, with the wage to bill: the wage reported for that period, else the latest reported before it,
     * else the wage at joining. Ordered by employer id, then member id. Chunked by id range so a billing run never
     * holds more than one chunk.
     */
    List<BillableWage> billableWages(Period period, long fromEmployerId, long toEmployerId);

    /** The highest employer id in use, to cut a run into id ranges; empty when there is no employer. */
    OptionalLong highestEmployerId();

    /**
     * Registers the member as a worker of the employer with this NPP from {@code start} at {@code wage}, as the
     * employer's own pages do (same checks, event and audit, by the account given): a NON_ACTIVE member is ACTIVE
     * again from {@code start}, with "new employment at NPP" in the status history. Joins the caller's transaction.
     * Refused (InvalidValue) for an unknown NPP or member, a start more than three months away, an implausible wage,
     * an empty job title or an employment overlapping another at that employer.
     */
    StartedEmployment startEmployment(Npp npp, UUID memberId, LocalDate start, Rupiah wage, String jobTitle, UUID byAccountId,
                         String byActor, String ipAddress);

    /** Every employment of a member, latest first (at most a hundred). */
    List<MemberEmployment> employmentsOf(UUID memberId);
}
