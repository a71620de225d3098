package de.pfd.grants.query.standalone;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import de.pfd.grants.persistence.Offline;

/**
 * The query side alone, for the distributed deployment: reads events from Axon Server and
 * keeps its read tables, tokens and dead letters in PostgreSQL.
 */
@SpringBootApplication(scanBasePackages = "de.pfd.grants.query")
public class QuerySideApplication {

	public static void main(String[] args) {
		Offline.noUpdateChecks();
		SpringApplication application = new SpringApplication(QuerySideApplication.class);
		application.setDefaultProperties(Map.of("spring.config.name", "query-side"));
		application.run(args);
	}

}
