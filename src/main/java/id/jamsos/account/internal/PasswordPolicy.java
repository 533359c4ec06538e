package id.jamsos.account.internal;

import id.jamsos.common.InvalidValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Password rules of OWASP ASVS 5.0 (§6.2): 12 to 128 characters, any characters, no composition rules, and not one of
 * the commonly used passwords (the 10,000 most common and the common Indonesian ones, compared without case; lists
 * and their source in {@code resources/account/common-passwords}).
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    private static final String[] LISTS = {"10k-most-common.txt", "indonesian-top-150.txt"};

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    /** Refuses a password that breaks a rule; the message key says which. */
    void check(String password) {
        if (password == null || password.isEmpty()) {
            throw new InvalidValue("validation.required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new InvalidValue("validation.password.too-short", MIN_LENGTH);
        }
        if (length > MAX_LENGTH) {
            throw new InvalidValue("validation.password.too-long", MAX_LENGTH);
        }
        if (password.codePoints().anyMatch(c -> c == 0xFFFD || c == 0)) {
            throw new InvalidValue("validation.invalid-characters");
        }
        if (isCommon(password)) {
            throw new InvalidValue("validation.password.common");
        }
    }

    boolean isCommon(String password) {
        return common.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        Set<String> passwords = new HashSet<>();
        for (String list : LISTS) {
            var resource = new ClassPathResource("account/common-passwords/" + list);
            try (var reader = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().map(line -> line.strip().toLowerCase(Locale.ROOT))
                        .filter(line -> !line.isEmpty())
                        .forEach(passwords::add);
            } catch (IOException e) {
                throw new UncheckedIOException("The common-password list " + list + " is missing from the build", e);
            }
        }
        return Set.copyOf(passwords);
    }
}
