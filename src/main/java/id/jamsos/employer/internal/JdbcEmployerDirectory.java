package id.jamsos.employer.internal;

import id.jamsos.common.Npp;
import id.jamsos.employer.Employer;
import id.jamsos.employer.EmployerDirectory;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Employers by NPP and their administrators, from the employer tables. */
@Service
class JdbcEmployerDirectory implements EmployerDirectory {

    private final JdbcClient jdbc;

    JdbcEmployerDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Employer> byNpp(Npp npp) {
        return jdbc.sql("SELECT id, npp, name, risk_class FROM employer.employer WHERE npp = :npp")
                .param("npp", npp.value()).query(JdbcWorkforce::employer).optional();
    }

    @Override
    public List<UUID> administrators(long employerId) {
        return jdbc.sql("SELECT account_id FROM employer.employer_admin WHERE employer_id = :e ORDER BY linked_at LIMIT 20")
                .param("e", employerId).query(UUID.class).list();
    }
}
