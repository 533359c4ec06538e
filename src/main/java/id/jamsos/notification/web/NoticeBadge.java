package id.jamsos.notification.web;

import id.jamsos.notification.internal.Notices;
import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page's layout the signed-in account's unread notices, for the badge in the navigation. */
@ControllerAdvice
class NoticeBadge {

    private final Notices notices;

    NoticeBadge(Notices notices) {
        this.notices = notices;
    }

    @ModelAttribute("unreadNotices")
    UnreadNotices unreadNotices(Principal principal) {
        return NoticeOwner.of(principal).map(account -> new UnreadNotices(notices, account)).orElse(null);
    }
}
