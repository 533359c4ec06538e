package id.jamsos.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text exists in both languages, and every key a template names exists. Plain file reading, no Spring: a
 * missing key should fail in a second, not after a context start.
 *
 * <p>Keys built at run time ({@code #{__${...}__}}, {@code #{'prefix.' + ${x}}}, {@code #{|prefix.${x}|}},
 * {@code #{${key}}}) cannot be checked here: the pattern only accepts a key that is literal up to its closing brace or
 * argument list, so those are skipped. Templates should prefer literal keys (a {@code th:switch} over a few literal
 * keys rather than a computed one) so that this test can see them.
 */
class MessagesTests {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path TEMPLATES = RESOURCES.resolve("templates");
    /** {@code #{key}} or {@code #{key(arguments)}}; the key must be literal. */
    private static final Pattern MESSAGE_EXPRESSION = Pattern.compile("#\\{\\s*([A-Za-z0-9_.-]+)\\s*[}(]");

    private final Properties indonesian = load("messages_id.properties");
    private final Properties english = load("messages_en.properties");

    @Test
    void everyIndonesianKeyHasAnEnglishText() {
        assertThat(missingIn(english, indonesian)).as("keys in messages_id.properties missing from messages_en.properties")
                .isEmpty();
    }

    @Test
    void everyEnglishKeyHasAnIndonesianText() {
        assertThat(missingIn(indonesian, english)).as("keys in messages_en.properties missing from messages_id.properties")
                .isEmpty();
    }

    @Test
    void noTextIsBlank() {
        assertThat(blankKeys(indonesian)).as("blank values in messages_id.properties").isEmpty();
        assertThat(blankKeys(english)).as("blank values in messages_en.properties").isEmpty();
    }

    @Test
    void everyKeyUsedInATemplateExistsInBothLanguages() throws IOException {
        Map<String, Set<String>> usages = keysUsedByTemplate();
        assertThat(usages).as("templates using message keys").isNotEmpty();

        Map<String, Set<String>> missing = new TreeMap<>();
        usages.forEach((template, keys) -> keys.stream()
                .filter(key -> !indonesian.containsKey(key) || !english.containsKey(key))
                .forEach(key -> missing.computeIfAbsent(template, t -> new TreeSet<>()).add(key)));
        assertThat(missing).as("keys used in templates but missing from messages_id or messages_en").isEmpty();
    }

    @Test
    void thePatternFindsLiteralKeysAndSkipsComputedOnes() {
        String sample = "<p th:text=\"#{home.title}\"></p><p th:text=\"#{error.status(404)}\"></p>"
                + "<p th:attr=\"aria-label=#{layout.nav.label}\"></p><p th:text=\"#{__${key}__}\"></p>"
                + "<p th:text=\"#{'audit.' + ${x}}\"></p><p th:text=\"#{|audit.${x}|}\"></p>";
        assertThat(keysIn(sample)).containsExactlyInAnyOrder("home.title", "error.status", "layout.nav.label");
    }

    private static Set<String> missingIn(Properties target, Properties source) {
        Set<String> missing = new TreeSet<>(source.stringPropertyNames());
        missing.removeAll(target.stringPropertyNames());
        return missing;
    }

    private static Set<String> blankKeys(Properties texts) {
        Set<String> blank = new TreeSet<>();
        texts.stringPropertyNames().stream().filter(key -> texts.getProperty(key).isBlank()).forEach(blank::add);
        return blank;
    }

    private static Map<String, Set<String>> keysUsedByTemplate() throws IOException {
        Map<String, Set<String>> usages = new TreeMap<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".html")).toList()) {
                Set<String> keys = keysIn(Files.readString(file, StandardCharsets.UTF_8));
                if (!keys.isEmpty()) {
                    usages.put(TEMPLATES.relativize(file).toString(), keys);
                }
            }
        }
        return usages;
    }

    static Set<String> keysIn(String template) {
        Set<String> keys = new TreeSet<>();
        Matcher matcher = MESSAGE_EXPRESSION.matcher(template);
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        return keys;
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
        return properties;
    }
}
