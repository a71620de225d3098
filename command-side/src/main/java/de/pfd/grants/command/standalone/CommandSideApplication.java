package de.pfd.grants.command.standalone;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import de.pfd.grants.persistence.Offline;

/**
 * The command side alone, for the distributed deployment: connects to Axon Server
 * ({@code AXON_AXONSERVER_SERVERS}) and keeps tokens, sagas and dead letters in
 * PostgreSQL.
 */
@SpringBootApplication(scanBasePackages = "de.pfd.grants.command")
public class CommandSideApplication {

	public static void main(String[] args) {
		Offline.noUpdateChecks();
		SpringApplication application = new SpringApplication(CommandSideApplication.class);
		application.setDefaultProperties(Map.of("spring.config.name", "command-side"));
		application.run(args);
	}

}
