package id.jamsos.notification.web;

import id.jamsos.notification.internal.NoticeTexts;
import id.jamsos.notification.internal.Notices;
import id.jamsos.notification.internal.StoredNotice;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in account's portal notices for the mobile app, texts in the caller's language. Reading the list does
 * not mark anything read (the app says when the person saw a notice). Another account's notice answers the same 404
 * problem as one that does not exist.
 */
@RestController
@RequestMapping("/api/v1/notices")
@Tag(name = "Notices", description = "Portal notices of the signed-in account: payments received, bills settled, reminders")
class NoticesApi {

    static final URI NOT_FOUND = URI.create("https://jamsos.id/problems/not-found");

    /** {@code link} is a path on this site, or null; {@code readAt} is null while unread. */
    record NoticeJson(UUID id, String kind, String text, String link, Instant createdAt, Instant readAt) {
    }

    record Page(List<NoticeJson> notices, int page, boolean hasNext, int unread) {
    }

    record Unread(int unread, boolean more) {
    }

    private final Notices notices;
    private final NoticeTexts texts;
    private final MessageSource messages;
    private final Clock clock;

    NoticesApi(Notices notices, NoticeTexts texts, MessageSource messages, Clock clock) {
        this.notices = notices;
        this.texts = texts;
        this.messages = messages;
        this.clock = clock;
    }

    @Operation(summary = "The signed-in account's notices, newest first, 20 a page (page from 1)")
    @GetMapping
    ResponseEntity<?> list(Principal principal, @RequestParam(name = "page", defaultValue = "1") String page,
                           Locale locale) {
        Optional<UUID> account = NoticeOwner.of(principal);
        if (account.isEmpty()) {
            return notFound(locale);
        }
        int number = NoticesController.page(page);
        List<StoredNotice> rows = notices.newest(account.get(), (number - 1) * NoticesController.PAGE_SIZE,
                NoticesController.PAGE_SIZE);
        List<NoticeJson> shown = rows.stream().limit(NoticesController.PAGE_SIZE).map(n -> json(n, locale)).toList();
        return ResponseEntity.ok(new Page(shown, number,
                rows.size() > NoticesController.PAGE_SIZE && number < NoticesController.LAST_PAGE,
                notices.unread(account.get())));
    }

    @Operation(summary = "How many notices are unread (counted up to 100; more = true beyond)")
    @GetMapping("/unread")
    ResponseEntity<?> unread(Principal principal, Locale locale) {
        Optional<UUID> account = NoticeOwner.of(principal);
        if (account.isEmpty()) {
            return notFound(locale);
        }
        int unread = notices.unread(account.get());
        return ResponseEntity.ok(new Unread(unread, unread >= Notices.MOST_COUNTED));
    }

    @Operation(summary = "One notice of the signed-in account")
    @GetMapping("/{id}")
    ResponseEntity<?> one(Principal principal, @PathVariable String id, Locale locale) {
        return own(principal, id).<ResponseEntity<?>>map(n -> ResponseEntity.ok(json(n, locale)))
                .orElseGet(() -> notFound(locale));
    }

    @Operation(summary = "Marks one notice of the signed-in account read (send the CSRF token in X-CSRF-TOKEN)")
    @PostMapping("/{id}/read")
    ResponseEntity<?> read(Principal principal, @PathVariable String id, Locale locale) {
        Optional<StoredNotice> notice = own(principal, id);
        if (notice.isEmpty()) {
            return notFound(locale);
        }
        UUID account = notice.get().accountId();
        notices.markRead(account, List.of(notice.get().id()), clock.instant());
        return ResponseEntity.ok(json(notices.find(account, notice.get().id()).orElseThrow(), locale));
    }

    @Operation(summary = "Marks every notice of the signed-in account read (send the CSRF token in X-CSRF-TOKEN)")
    @PostMapping("/read")
    ResponseEntity<?> readAll(Principal principal, Locale locale) {
        Optional<UUID> account = NoticeOwner.of(principal);
        if (account.isEmpty()) {
            return notFound(locale);
        }
        notices.markAllRead(account.get(), clock.instant());
        return ResponseEntity.ok(new Unread(0, false));
    }

    private Optional<StoredNotice> own(Principal principal, String id) {
        Optional<UUID> account = NoticeOwner.of(principal);
        Optional<UUID> notice = NoticeOwner.uuid(id);
        return account.isEmpty() || notice.isEmpty() ? Optional.empty() : notices.find(account.get(), notice.get());
    }

    private NoticeJson json(StoredNotice notice, Locale locale) {
        return new NoticeJson(notice.id(), notice.kind(), texts.text(notice, locale), notice.link(),
                notice.createdAt(), notice.readAt());
    }

    private ResponseEntity<ProblemDetail> notFound(Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("notice.not-found", null, locale));
        problem.setType(NOT_FOUND);
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
