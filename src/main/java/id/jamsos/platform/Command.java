package id.jamsos.platform;

import java.io.PrintWriter;
import java.util.List;

/**
 * A command an operator runs with {@code java -jar jamsos.jar <name> …}: the platform starts without its web server,
 * runs the command and exits with its code. Modules contribute commands as beans.
 */
public interface Command {

    /** The first word(s) on the command line, e.g. {@code admin create}. */
    String name();

    /** One line for the usage text. */
    String usage();

    /** Runs with the words after the name; answers the process exit code (0 = done). */
    int run(List<String> arguments, PrintWriter out);
}
