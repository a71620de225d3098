package de.pfd.grants.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The all-in-one server: HTTP API, security, and (unless
 * {@code grants.embedded-sides=false}) the command side and the query side in the same
 * JVM.
 */
@SpringBootApplication
public class GrantsServerApplication {

	public static void main(String[] args) {
		SpringApplication.run(GrantsServerApplication.class, args);
	}

}
