package id.jamsos.notification;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A notice to show in the portal to the holder of an account: the text is the message {@code messageKey} with its
 * arguments, rendered in the reader's language when it is read. A notice is posted at most once per account, kind
 * and reference (for instance {@code BILL_SETTLED} and the bill id), so a listener that receives its event twice
 * posts it once.
 *
 * @param kind      what happened, upper case ({@code PAYMENT_RECEIVED}); with the reference the idempotency key
 * @param reference what it is about (a bill or payment id)
 * @param messageKey a key under {@code notice.} in both message files
 * @param link      a path on this site the notice leads to, or {@code null}
 */
public record Notice(UUID accountId, String kind, String reference, String messageKey,
                     List<NoticeArgument> arguments, String link) {

    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z_]{0,39}");
    private static final Pattern KEY = Pattern.compile("notice\\.[a-z0-9.-]{1,93}");
    /** A plain absolute path on this site: never {@code //host} or a scheme, so a notice cannot lead elsewhere. */
    private static final Pattern LINK = Pattern.compile("/(?!/)[A-Za-z0-9/._~?=&-]{0,199}");
    static final int MOST_ARGUMENTS = 8;

    public Notice {
        Objects.requireNonNull(accountId, "accountId");
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("a notice kind is upper case, at most 40 characters: " + kind);
        }
        if (reference == null || reference.isBlank() || reference.length() > 100) {
            throw new IllegalArgumentException("a notice reference is 1 to 100 characters");
        }
        if (messageKey == null || !KEY.matcher(messageKey).matches()) {
            throw new IllegalArgumentException("a notice's message key starts with 'notice.': " + messageKey);
        }
        arguments = List.copyOf(arguments == null ? List.of() : arguments);
        if (arguments.size() > MOST_ARGUMENTS) {
            throw new IllegalArgumentException("a notice has at most " + MOST_ARGUMENTS + " arguments");
        }
        if (link != null && !LINK.matcher(link).matches()) {
            throw new IllegalArgumentException("a notice links to a path on this site: " + link);
        }
    }
}
