package id.jamsos.employer;

import id.jamsos.common.Period;
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

    /** Every employment of a member, latest first (at most a hundred). */
    List<MemberEmployment> employmentsOf(UUID memberId);
}
