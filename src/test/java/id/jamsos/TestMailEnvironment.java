package id.jamsos;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every application context in the test JVM at the one in-process SMTP server ({@link TestMail}), the same
 * way for all of them, so contexts stay shared between test classes and every e-mail really travels over SMTP.
 */
public class TestMailEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        int port = TestMail.server().getSmtp().getPort();
        environment.getPropertySources().addLast(new MapPropertySource("test-mail",
                Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", port)));
    }
}
