package id.jamsos.account.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import tools.jackson.databind.json.JsonMapper;

/** What every page of this module needs: the ALTCHA widget's texts in the reader's language. */
@ControllerAdvice(basePackageClasses = AccountPages.class)
class AccountPages {

    private static final String[] WIDGET_TEXTS = {"label", "verified", "verifying", "waitAlert", "error", "expired",
            "footer", "ariaLinkLabel"};

    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    AccountPages(MessageSource messages) {
        this.messages = messages;
    }

    @ModelAttribute("altchaStrings")
    String altchaStrings(Locale locale) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : WIDGET_TEXTS) {
            texts.put(key, messages.getMessage("altcha." + key, null, locale));
        }
        return json.writeValueAsString(texts);
    }
}
