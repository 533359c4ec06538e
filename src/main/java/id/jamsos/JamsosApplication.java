package id.jamsos;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class JamsosApplication {

    public static void main(String[] args) {
        SpringApplication.run(JamsosApplication.class, args);
    }
}
