package id.jamsos.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.JamsosApplication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the real platform in its own process, configured wrongly, and checks that it stops at once with a short,
 * clear reason and no stack trace: what an operator sees on a bad deployment.
 */
class StartupFailureTests {

    @TempDir
    Path workingDirectory;

    @Test
    void prodWithoutADatabaseServerOrSecretsRefusesToStartAndNamesTheSecrets() throws Exception {
        Result result = start(Map.of("SPRING_PROFILES_ACTIVE", "prod"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("JAMSOS_SECRETS_LINK_KEY").contains("JAMSOS_SECRETS_ALTCHA_KEY")
                .contains("JAMSOS_SECRETS_PERSONAL_DATA_KEY").contains("JAMSOS_SECRETS_API_TOKEN_KEY");
        assertNoStackTrace(result);
    }

    @Test
    void prodWithSecretsButWithoutADatabaseServerRefusesToStartAndNamesTheSetting() throws Exception {
        Result result = start(Map.of("SPRING_PROFILES_ACTIVE", "prod",
                "JAMSOS_SECRETS_LINK_KEY", "MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=",
                "JAMSOS_SECRETS_ALTCHA_KEY", "MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDI=",
                "JAMSOS_DATA_KEY", "MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDM=",
                "JAMSOS_SECRETS_API_TOKEN_KEY", "MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDQ="));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("The prod profile needs a PostgreSQL server")
                .contains("SPRING_DATASOURCE_URL");
        assertNoStackTrace(result);
    }

    @Test
    void anUnreachableServerStopsThePlatformWithOneLineSayingWhereItLooked() throws Exception {
        Result result = start(Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:1/jamsos",
                "SPRING_DATASOURCE_USERNAME", "jamsos", "SPRING_DATASOURCE_PASSWORD", "wrong"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("Cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/jamsos")
                .contains("SPRING_DATASOURCE_URL");
        assertNoStackTrace(result);
    }

    private static void assertNoStackTrace(Result result) {
        assertThat(result.output().lines().filter(line -> line.startsWith("\tat ") || line.startsWith("Caused by:")))
                .as("stack trace lines in:%n%s", result.output())
                .isEmpty();
    }

    private Result start(Map<String, String> environment) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                JamsosApplication.class.getName(), "--server.port=0"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
        // Whatever this test JVM was given (CI sets a server), the child gets only what the test names.
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("JAMSOS_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The platform did not stop within 60 seconds: "
                    + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    record Result(int exitCode, String output) {
    }
}
