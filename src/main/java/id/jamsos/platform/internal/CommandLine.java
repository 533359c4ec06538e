package id.jamsos.platform.internal;

import id.jamsos.platform.Command;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * Runs the command named on the command line, if any. {@code JamsosApplication} starts without a web server when the
 * first argument is a word rather than an option; this runner then finds the command, runs it and keeps its exit code.
 */
@Component
class CommandLine implements ApplicationRunner, ExitCodeGenerator {

    private final List<Command> commands;
    private int exitCode;

    CommandLine(List<Command> commands) {
        this.commands = commands;
    }

    static boolean isCommand(String[] args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    @Override
    public void run(ApplicationArguments arguments) {
        String[] args = arguments.getSourceArgs();
        if (!isCommand(args)) {
            return;
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
        String line = String.join(" ", args);
        for (Command command : commands) {
            if (line.equals(command.name()) || line.startsWith(command.name() + " ")) {
                List<String> rest = Arrays.asList(args).subList(command.name().split(" ").length, args.length);
                exitCode = command.run(rest, out);
                return;
            }
        }
        out.println("Unknown command: " + line);
        out.println("Commands:");
        commands.forEach(command -> out.println("  java -jar jamsos.jar " + command.usage()));
        exitCode = 2;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
