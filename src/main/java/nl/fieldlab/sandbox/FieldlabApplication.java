package nl.fieldlab.sandbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FieldlabApplication {
    public static void main(String[] args) {
        SpringApplication.run(FieldlabApplication.class, args);
    }
}
