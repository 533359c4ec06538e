package id.jamsos.notification.web;

import id.jamsos.common.JakartaTime;
import id.jamsos.notification.internal.NoticeTexts;
import id.jamsos.notification.internal.Notices;
import id.jamsos.notification.internal.StoredNotice;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The signed-in account's notices, newest first, 20 a page. Showing a page marks its notices read (the page still
 * marks which were new); opening one marks it read and follows its link. Another account's notice is 404, the same
 * as one that does not exist.
 */
@Controller
class NoticesController {

    static final int PAGE_SIZE = 20;
    /** Pages beyond this are not offered: 10,000 notices back is further than anyone reads. */
    static final int LAST_PAGE = 500;

    private final Notices notices;
    private final NoticeTexts texts;
    private final Clock clock;

    NoticesController(Notices notices, NoticeTexts texts, Clock clock) {
        this.notices = notices;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping("/pemberitahuan")
    String list(Principal principal, @RequestParam(name = "page", defaultValue = "1") String page, Locale locale,
                Model model) {
        UUID account = owner(principal);
        int number = page(page);
        List<StoredNotice> rows = notices.newest(account, (number - 1) * PAGE_SIZE, PAGE_SIZE);
        List<StoredNotice> shown = rows.subList(0, Math.min(rows.size(), PAGE_SIZE));
        notices.markRead(account, shown.stream().filter(StoredNotice::unread).map(StoredNotice::id).toList(),
                clock.instant());
        model.addAttribute("notices", shown.stream().map(n -> NoticeView.of(n, texts, locale)).toList());
        model.addAttribute("newOnPage", shown.stream().filter(StoredNotice::unread).count());
        model.addAttribute("pageNumber", number);
        model.addAttribute("hasNext", rows.size() > PAGE_SIZE && number < LAST_PAGE);
        model.addAttribute("time", new JakartaTime());
        return "notification/notices";
    }

    @GetMapping("/pemberitahuan/{id}")
    String open(Principal principal, @PathVariable String id) {
        UUID account = owner(principal);
        StoredNotice notice = NoticeOwner.uuid(id).flatMap(known -> notices.find(account, known))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        notices.markRead(account, List.of(notice.id()), clock.instant());
        return "redirect:" + (notice.link() == null ? "/pemberitahuan" : notice.link());
    }

    @PostMapping("/pemberitahuan/dibaca")
    String readAll(Principal principal) {
        notices.markAllRead(owner(principal), clock.instant());
        return "redirect:/pemberitahuan";
    }

    private static UUID owner(Principal principal) {
        return NoticeOwner.of(principal).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** A page number as typed; anything that is not one is the first page. */
    static int page(String typed) {
        try {
            return Math.max(1, Math.min(Integer.parseInt(typed), LAST_PAGE));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
