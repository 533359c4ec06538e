package id.jamsos.contribution.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the Java migration that loads the rate data files, beside the module's SQL migrations. It adds to the
 * Java migrations already registered, so other modules can register theirs the same way.
 */
@Configuration(proxyBeanMethods = false)
class RateMigrations {

    @Bean
    FlywayConfigurationCustomizer contributionRateFiles() {
        return configuration -> {
            List<JavaMigration> migrations = new ArrayList<>(Arrays.asList(configuration.getJavaMigrations()));
            migrations.add(new V81__LoadRateFiles());
            configuration.javaMigrations(migrations.toArray(JavaMigration[]::new));
        };
    }
}
