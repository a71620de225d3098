package de.pfd.grants.server;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Hosts the command side and the query side in this JVM (the embedded default). In the
 * distributed deployment the server is only the HTTP front and reaches both sides through
 * Axon Server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "grants.embedded-sides", havingValue = "true", matchIfMissing = true)
@ComponentScan(basePackages = { "de.pfd.grants.command", "de.pfd.grants.query" },
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.standalone\\..*"))
class EmbeddedSidesConfiguration {

}
