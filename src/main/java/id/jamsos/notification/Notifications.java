package id.jamsos.notification;

import java.util.List;

/**
 * What other modules call to tell a person something. The message is stored in the outbox (an e-mail) or among the
 * account's notices (the portal) within the caller's transaction, so it exists if and only if the business change
 * commits.
 */
public interface Notifications {

    /** Queues an e-mail; must be called inside the caller's transaction. */
    void sendEmail(EmailMessage message);

    /**
     * Posts a portal notice; must be called inside the caller's transaction. Answers false when the account already
     * has a notice of that kind and reference (nothing is changed then).
     */
    default boolean postNotice(Notice notice) {
        return postNotices(List.of(notice)) == 1;
    }

    /**
     * Posts notices in one statement (the workers of a large employer's bill); answers how many were new. Notices
     * already posted (same account, kind and reference) are left as they are.
     */
    int postNotices(List<Notice> notices);
}
