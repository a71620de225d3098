package de.pfd.grants.testsupport;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Registered through META-INF/spring.factories, so every Spring Boot test context of a
 * module that has this module on its test class path gets a database of its own.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		if (context.getEnvironment().getProperty("grants.test.database", Boolean.class, true) == Boolean.FALSE) {
			return;
		}
		TestDatabase.Choice choice = TestDatabase.choose();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("grantsTestDatabase",
					Map.of("spring.datasource.url", choice.url(), "spring.datasource.username", choice.user(),
							"spring.datasource.password", choice.password(), "grants.test.postgres",
							choice.postgres())));
	}

}
