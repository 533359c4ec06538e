package id.jamsos.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Narrows any requested or remembered language to the two the texts exist in. Without it {@code ?lang=xx} or an
 * edited cookie would select a locale with no messages and every page would fail to render.
 */
final class SupportedLanguages implements LocaleResolver {

    static final Locale DEFAULT = Locale.forLanguageTag("id");
    private static final List<Locale> SUPPORTED = List.of(DEFAULT, Locale.ENGLISH);

    private final LocaleResolver delegate;

    SupportedLanguages(LocaleResolver delegate) {
        this.delegate = delegate;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return supported(delegate.resolveLocale(request));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        delegate.setLocale(request, response, locale == null ? null : supported(locale));
    }

    static Locale supported(Locale locale) {
        if (locale == null) {
            return DEFAULT;
        }
        return SUPPORTED.stream()
                .filter(candidate -> candidate.getLanguage().equals(locale.getLanguage()))
                .findFirst()
                .orElse(DEFAULT);
    }
}
