package id.jamsos.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Decides which PostgreSQL the platform uses, before any bean needs it.
 *
 * <ul>
 *   <li>{@code SPRING_DATASOURCE_URL} set: that server, checked at once so an unreachable server fails in one line;</li>
 *   <li>not set (and not {@code prod}): an embedded PostgreSQL with its data under {@code ./data/postgres};</li>
 *   <li>{@code jamsos.database.fresh=true} (the tests): a new, empty database for this JVM on whichever server,
 *       dropped when the JVM ends.</li>
 * </ul>
 */
public class DatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String URL = "spring.datasource.url";
    private static final int CONNECT_TIMEOUT_SECONDS = 5;

    /** One embedded server per JVM, shared by every application context the tests start. */
    private static EmbeddedPostgres embedded;
    private static Map<String, Object> resolved;

    private final Log log;

    public DatabaseEnvironment(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(DatabaseEnvironment.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addFirst(new MapPropertySource("jamsosDatabase", resolve(environment)));
    }

    private synchronized Map<String, Object> resolve(ConfigurableEnvironment environment) {
        if (resolved != null) {
            return resolved;
        }
        boolean fresh = environment.getProperty("jamsos.database.fresh", Boolean.class, false);
        String url = environment.getProperty(URL);
        Map<String, Object> properties = new HashMap<>();
        if (url == null || url.isBlank()) {
            if (environment.acceptsProfiles(Profiles.of("prod"))) {
                throw new StartupFailure("The prod profile needs a PostgreSQL server, and none is configured.",
                        "Set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.");
            }
            Path dataDirectory = Path.of(environment.getProperty("jamsos.database.embedded.data-directory",
                    "data/postgres")).toAbsolutePath();
            OptionalInt running = fresh ? OptionalInt.empty() : runningEmbedded(dataDirectory);
            if (running.isPresent()) {
                // An operator's command (bank-sim, billing run …) beside a platform that already runs on this data
                // directory: PostgreSQL allows one server per directory, so use the one the platform started.
                properties.put(URL, "jdbc:postgresql://localhost:" + running.getAsInt() + "/jamsos");
                properties.put("spring.datasource.username", "postgres");
                properties.put("spring.datasource.password", "");
                log.info("Using the embedded PostgreSQL already running on port " + running.getAsInt() + " with its data in "
                        + dataDirectory);
                resolved = properties;
                return resolved;
            }
            startEmbedded(fresh ? temporaryDirectory() : dataDirectory, fresh);
            properties.put(URL, embedded.getJdbcUrl("postgres", "jamsos"));
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "");
            createDatabaseIfMissing(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "", "jamsos");
            log.info("Embedded PostgreSQL on port " + embedded.getPort() + (fresh ? " with a throw-away database"
                    : " with its data in " + dataDirectory)
                    + "; set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD to use a server instead.");
        } else {
            String username = environment.getProperty("spring.datasource.username", "");
            String password = environment.getProperty("spring.datasource.password", "");
            checkReachable(url, username, password);
            if (fresh) {
                String database = "jamsos_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                createDatabaseIfMissing(url, username, password, database);
                String freshUrl = withDatabase(url, database);
                SpringApplication.getShutdownHandlers().add(() -> dropQuietly(url, username, password, database));
                properties.put(URL, freshUrl);
                log.info("Tests use the new database " + database + " on " + url);
            }
        }
        resolved = properties;
        return resolved;
    }

    /**
     * The port of a PostgreSQL server that already runs on this data directory (line 4 of its
     * {@code postmaster.pid}) and answers, if any.
     */
    private static OptionalInt runningEmbedded(Path dataDirectory) {
        Path pid = dataDirectory.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pid)) {
                return OptionalInt.empty();
            }
            java.util.List<String> lines = Files.readAllLines(pid);
            if (lines.size() < 4 || !lines.get(3).strip().matches("[0-9]{1,5}")) {
                return OptionalInt.empty();
            }
            int port = Integer.parseInt(lines.get(3).strip());
            try (Connection ignored = connect("jdbc:postgresql://localhost:" + port + "/postgres?connectTimeout=2",
                    "postgres", "")) {
                return OptionalInt.of(port);
            }
        } catch (IOException | SQLException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("jamsos-postgres-");
        } catch (IOException e) {
            throw new StartupFailure("Cannot create a temporary directory for the test database: " + e.getMessage(),
                    "Free some disk space or set SPRING_DATASOURCE_URL to use a PostgreSQL server.");
        }
    }

    private void startEmbedded(Path dataDirectory, boolean fresh) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(fresh)
                    .setServerConfig("max_connections", "100")
                    // Durable commits, as on a production server: the embedded library's default is off, which
                    // would let a crash lose a payment the bank was told had succeeded.
                    .setServerConfig("synchronous_commit", "on")
                    // Checkpoints spaced as on a production server: PostgreSQL's defaults (5 minutes, 1 GB of WAL)
                    // checkpoint every few minutes under payment load, and after each checkpoint the first change
                    // of every page writes the whole page to the WAL again.
                    .setServerConfig("checkpoint_timeout", "15min")
                    .setServerConfig("max_wal_size", "4GB")
                    // Room for the working set of a busy month, as a production server gives (a quarter of its
                    // memory): with the library's 160 MB a payment read 2-6 pages from the operating system's
                    // cache once the database had grown past it. Memory is taken only as pages are used.
                    .setServerConfig("shared_buffers", "1GB")
                    .setRegisterShutdownHook(false)
                    .start();
            // Stop PostgreSQL only after every application context has closed: a JVM shutdown hook of its own would
            // run beside Spring's and pull the database away from beans that still use it while closing.
            EmbeddedPostgres started = embedded;
            SpringApplication.getShutdownHandlers().add(() -> closeQuietly(started));
        } catch (IOException | RuntimeException e) {
            throw new StartupFailure("The embedded PostgreSQL could not start (" + firstLine(e) + ").",
                    "Point the platform at a PostgreSQL server with SPRING_DATASOURCE_URL "
                            + "(and SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD).");
        }
    }

    private static void checkReachable(String url, String username, String password) {
        try (Connection ignored = connect(url, username, password)) {
            // reachable and the credentials work
        } catch (SQLException e) {
            throw new StartupFailure("Cannot connect to PostgreSQL at " + url + " as '" + username + "': "
                    + firstLine(e),
                    "Start that server or correct SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and "
                            + "SPRING_DATASOURCE_PASSWORD; unset SPRING_DATASOURCE_URL to use the embedded PostgreSQL.");
        }
    }

    private static void createDatabaseIfMissing(String url, String username, String password, String database) {
        try (Connection connection = connect(url, username, password);
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new StartupFailure("Cannot create the database " + database + " at " + url + ": " + firstLine(e),
                    "Give the configured role the CREATEDB privilege, or create the database yourself.");
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            // the JVM is ending; PostgreSQL stops with it
        }
    }

    private static void dropQuietly(String url, String username, String password, String database) {
        try (Connection connection = connect(url, username, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            // the JVM is ending: a leftover test database is harmless and is named jamsos_test_*
        }
    }

    private static Connection connect(String url, String username, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        return DriverManager.getConnection(url, properties);
    }

    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String parameters = query < 0 ? "" : url.substring(query);
        int slash = base.lastIndexOf('/');
        return base.substring(0, slash + 1) + database + parameters;
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
