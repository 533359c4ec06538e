package id.jamsos.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.jamsos.JamsosApplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's commands start the platform without a web server, as {@code java -jar jamsos.jar <command>} does:
 * each must start, do its work and exit with its code (a bean that needs the web, such as the session store, must
 * not stop them).
 */
class CommandLineTests {

    @TempDir
    Path workingDirectory;

    @Test
    void anOperatorCreatesTheFirstAdministratorAndRunsBillingFromTheCommandLine() throws Exception {
        Run admin = run("admin", "create", "--email", "admin@contoh.go.id", "--name", "Admin Pertama");
        assertThat(admin.exitCode()).as(admin.output()).isZero();
        assertThat(admin.output()).contains("admin@contoh.go.id");

        Run billing = run("billing", "run", "--period", "2025-03");
        assertThat(billing.exitCode()).as(billing.output()).isZero();
        assertThat(billing.output()).contains("Billed 2025-03");
    }

    private record Run(int exitCode, String output) {
    }

    private Run run(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JamsosApplication.class.getName()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
        // An embedded PostgreSQL in the temporary directory, whatever this test JVM was given.
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("JAMSOS_"));
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The command did not finish within 120 seconds: "
                    + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
