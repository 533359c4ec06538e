package id.jamsos.notification.internal;

import id.jamsos.notification.NoticeArgument;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A notice as stored; {@code readAt} is null until its owner saw it. */
public record StoredNotice(UUID id, UUID accountId, String kind, String reference, String messageKey,
                           List<NoticeArgument> arguments, String link, Instant createdAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
