package id.jamsos.payment.snap;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** SNAP's bilingual reason objects ({@code inquiryReason}, {@code paymentFlagReason}) from our message files. */
@Component
class Reasons {

    private static final Locale ENGLISH = Locale.forLanguageTag("en");
    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private final MessageSource messages;

    Reasons(MessageSource messages) {
        this.messages = messages;
    }

    ObjectNode reason(String key, Object... arguments) {
        ObjectNode reason = JsonNodeFactory.instance.objectNode();
        reason.put("english", messages.getMessage(key, arguments, ENGLISH));
        reason.put("indonesia", messages.getMessage(key, arguments, INDONESIAN));
        return reason;
    }
}
