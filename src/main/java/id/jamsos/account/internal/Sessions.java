package id.jamsos.account.internal;

import java.util.UUID;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** Ends every session of an account, on every app instance, since sessions live in PostgreSQL. */
@Component
class Sessions {

    private final FindByIndexNameSessionRepository<? extends Session> repository;

    Sessions(FindByIndexNameSessionRepository<? extends Session> repository) {
        this.repository = repository;
    }

    /** The principal name of a session is the account id (see {@code SignedInAccount#getName}). */
    void endAll(UUID accountId) {
        repository.findByPrincipalName(accountId.toString()).keySet().forEach(repository::deleteById);
    }
}
