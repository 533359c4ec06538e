package id.jamsos.notification.web;

import id.jamsos.notification.internal.NoticeTexts;
import id.jamsos.notification.internal.StoredNotice;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** A notice as its owner reads it: the text in the reader's language; {@code unread} as it was before this view. */
record NoticeView(UUID id, String kind, String text, String link, Instant createdAt, boolean unread) {

    static NoticeView of(StoredNotice notice, NoticeTexts texts, Locale reader) {
        return new NoticeView(notice.id(), notice.kind(), texts.text(notice, reader), notice.link(),
                notice.createdAt(), notice.unread());
    }
}
