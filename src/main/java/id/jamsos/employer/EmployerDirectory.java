package id.jamsos.employer;

import id.jamsos.common.Npp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Finding an employer by its registration number, and who administers it (for the payments module). */
public interface EmployerDirectory {

    Optional<Employer> byNpp(Npp npp);

    /** The EMPLOYER_ADMIN accounts linked to the employer (at most a few; bounded). */
    List<UUID> administrators(long employerId);
}
