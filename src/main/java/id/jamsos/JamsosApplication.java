package id.jamsos;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Jamsos: with no arguments, the web platform; with a command ({@code admin create …}), that command without a web
 * server, then exit.
 */
@SpringBootApplication
public class JamsosApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(JamsosApplication.class);
        if (args.length > 0 && !args[0].startsWith("-")) {
            application.setWebApplicationType(WebApplicationType.NONE);
            // system properties outrank application.properties: a command never loads demo data
            System.setProperty("logging.level.root", "WARN");
            System.setProperty("jamsos.demo-data.enabled", "false");
            System.exit(SpringApplication.exit(application.run(args)));
        }
        application.run(args);
    }
}
