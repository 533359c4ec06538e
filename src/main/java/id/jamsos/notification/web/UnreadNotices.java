package id.jamsos.notification.web;

import id.jamsos.notification.internal.Notices;
import java.util.UUID;

/**
 * The badge's number, counted only if the page's layout asks for it (JSON answers and fragments never do) and then
 * once per request.
 */
public final class UnreadNotices {

    private final Notices notices;
    private final UUID accountId;
    private Integer count;

    UnreadNotices(Notices notices, UUID accountId) {
        this.notices = notices;
        this.accountId = accountId;
    }

    public int getCount() {
        if (count == null) {
            count = notices.unread(accountId);
        }
        return count;
    }

    /** What the badge shows: the number, or "99+" when there are more unread than are counted. */
    public String getShown() {
        int unread = getCount();
        return unread >= Notices.MOST_COUNTED ? (Notices.MOST_COUNTED - 1) + "+" : String.valueOf(unread);
    }
}
