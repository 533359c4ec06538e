package id.jamsos.account.internal;

import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends every session of an account, on every app instance, since sessions live in PostgreSQL, and every API token
 * family of its devices (an access token already issued runs out within {@link ApiTokens#ACCESS}).
 */
@Component
class Sessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository;
    private final ApiTokens apiTokens;

    /**
     * The session store exists only when the platform serves the web; an operator's command (no web server) has no
     * sessions to end, so it runs without one.
     */
    Sessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository, ApiTokens apiTokens) {
        this.repository = repository;
        this.apiTokens = apiTokens;
    }

    /** The principal name of a session is the account id (see {@code SignedInAccount#getName}). */
    void endAll(UUID accountId) {
        repository.ifAvailable(sessions -> endAll(sessions, accountId));
        apiTokens.revokeAll(accountId);
    }

    private static <S extends Session> void endAll(FindByIndexNameSessionRepository<S> sessions, UUID accountId) {
        sessions.findByPrincipalName(accountId.toString()).keySet().forEach(sessions::deleteById);
    }
}
