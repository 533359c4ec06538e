package id.jamsos.account.internal;

import id.jamsos.account.Role;
import id.jamsos.common.EmailAddress;
import id.jamsos.common.InvalidValue;
import id.jamsos.common.MobileNumber;
import id.jamsos.common.PersonName;
import id.jamsos.platform.Command;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar jamsos.jar admin create --email … [--name …] [--mobile …]}: the first administrator, with a
 * generated password printed once (the administrator changes it after signing in).
 */
@Component
class AdminCommand implements Command {

    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StaffAccounts staff;

    AdminCommand(StaffAccounts staff) {
        this.staff = staff;
    }

    @Override
    public String name() {
        return "admin create";
    }

    @Override
    public String usage() {
        return "admin create --email <address> [--name <full name>] [--mobile <08…>]";
    }

    @Override
    public int run(List<String> arguments, PrintWriter out) {
        Map<String, String> options = options(arguments);
        if (!options.containsKey("email")) {
            out.println("Usage: java -jar jamsos.jar " + usage());
            return 2;
        }
        String password = generatedPassword();
        try {
            boolean created = staff.createWithPassword(
                    PersonName.parse(options.getOrDefault("name", "Administrator")),
                    EmailAddress.parse(options.get("email")),
                    MobileNumber.parse(options.getOrDefault("mobile", "081100000000")),
                    Role.ADMIN, password, "command line");
            if (!created) {
                out.println("An account with that e-mail address already exists; nothing was changed.");
                return 1;
            }
        } catch (InvalidValue e) {
            out.println("Not created: " + e.messageKey() + " (check --email, --name and --mobile).");
            return 2;
        }
        out.println("Administrator created: " + options.get("email"));
        out.println("Password (shown once, change it after signing in): " + password);
        return 0;
    }

    private static Map<String, String> options(List<String> arguments) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < arguments.size(); i += 2) {
            if (arguments.get(i).startsWith("--")) {
                options.put(arguments.get(i).substring(2), arguments.get(i + 1));
            }
        }
        return options;
    }

    private static String generatedPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                password.append('-');
            }
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
