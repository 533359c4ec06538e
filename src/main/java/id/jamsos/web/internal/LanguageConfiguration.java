package id.jamsos.web.internal;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Bahasa Indonesia unless the visitor chose English with {@code ?lang=en}; the choice is kept in a cookie so that it
 * survives signing in and out (the session does not).
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

    static final String COOKIE = "JAMSOS_LANG";
    static final String PARAMETER = "lang";

    /** A year: a worker who chose English once should not have to choose again on every visit. */
    private static final Duration COOKIE_LIFETIME = Duration.ofDays(365);

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver cookies = new CookieLocaleResolver(COOKIE);
        cookies.setDefaultLocale(SupportedLanguages.DEFAULT);
        cookies.setCookieMaxAge(COOKIE_LIFETIME);
        cookies.setCookieHttpOnly(true);
        cookies.setCookieSameSite("Lax");
        return new SupportedLanguages(cookies);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName(PARAMETER);
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
