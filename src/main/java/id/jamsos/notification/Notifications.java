package id.jamsos.notification;

/**
 * What other modules call to tell a person something. The message is stored in the outbox within the caller's
 * transaction, so it is sent if and only if the business change commits.
 */
public interface Notifications {

    /** Queues an e-mail; must be called inside the caller's transaction. */
    void sendEmail(EmailMessage message);
}
