package de.pfd.grants.server.mail;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The outbox worker, which sends only where Spring Boot made a mail sender (from
 * {@code spring.mail.host}), and the outbox's metrics.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

	@Bean
	MailWorker mailWorker(OutboxStore store, ObjectProvider<JavaMailSender> sender, MailProperties properties) {
		return new MailWorker(store, sender.getIfAvailable(), properties, Clock.systemUTC());
	}

	/**
	 * {@code grants.mail.outbox.pending}: mails not sent yet; of those,
	 * {@code grants.mail.outbox.failing} whose last attempt failed.
	 */
	@Bean
	MeterBinder mailOutboxMetrics(OutboxStore store) {
		return registry -> {
			Gauge.builder("grants.mail.outbox.pending", store, OutboxStore::pending)
				.description("mails in the outbox not sent yet")
				.register(registry);
			Gauge.builder("grants.mail.outbox.failing", store, OutboxStore::failing)
				.description("mails not sent yet whose last attempt failed")
				.register(registry);
		};
	}

}
